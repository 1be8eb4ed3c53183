import type { Ring } from "../chord/ring";
import { fingerTable } from "../chord/finger-table";
import { lookup } from "../chord/lookup";
import { baseLayout, type PlotlyFigure } from "./line-figure";
import { colour } from "./palette";

/** Options for chordRingFigure. */
export interface ChordRingFigureOptions {
  /** Node whose finger chords are drawn (and where the lookup starts). */
  node: number;
  /** Key to look up from `node`; its path is drawn hop by hop. Defaults to none. */
  key?: number;
  /** Seed that placed the nodes, shown under the title. Defaults to none. */
  seed?: number;
}

/** Position of an id on the unit circle: 0 at the top, clockwise, as the Chord paper draws rings. */
function point(id: number, size: number, radius = 1): [number, number] {
  const angle = Math.PI / 2 - (2 * Math.PI * id) / size;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/** A Chord ring: nodes on the circle, the fingers of one node as chords, and a lookup's path hop by hop. */
export function chordRingFigure(ring: Ring, { node, key, seed }: ChordRingFigureOptions): PlotlyFigure {
  const ids = Array.from(ring.ids);
  const circle = Array.from({ length: 181 }, (_, i) => point((i / 180) * ring.size, ring.size));
  const data: Record<string, unknown>[] = [
    {
      type: "scatter",
      mode: "lines",
      x: circle.map((p) => p[0]),
      y: circle.map((p) => p[1]),
      line: { color: "#bbbbbb", width: 1 },
      hoverinfo: "skip",
      showlegend: false,
    },
    {
      type: "scatter",
      mode: ids.length <= 64 ? "markers+text" : "markers",
      name: `nodes (N = ${ids.length})`,
      x: ids.map((id) => point(id, ring.size)[0]),
      y: ids.map((id) => point(id, ring.size)[1]),
      text: ids.map((id) => `N${id}`),
      textposition: "top center",
      marker: { color: colour(0), size: ids.length <= 64 ? 9 : 4 },
    },
  ];
  const fingers = fingerTable(ring, node);
  const [nx, ny] = point(node, ring.size);
  data.push({
    type: "scatter",
    mode: "lines",
    name: `fingers of N${node}`,
    x: fingers.flatMap((f) => [nx, point(f.node, ring.size)[0], null]),
    y: fingers.flatMap((f) => [ny, point(f.node, ring.size)[1], null]),
    line: { color: colour(1), width: 1.5, dash: "dot" },
  });
  if (key !== undefined) {
    const result = lookup(ring, node, key);
    const [kx, ky] = point(key, ring.size, 1.08);
    data.push({
      type: "scatter",
      mode: "markers+text",
      name: `key K${key}`,
      x: [kx],
      y: [ky],
      text: [`K${key}`],
      textposition: "middle right",
      marker: { color: colour(3), symbol: "diamond", size: 11 },
    });
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name: `lookup path (${result.hops} hop${result.hops === 1 ? "" : "s"})`,
      x: result.path.map((id) => point(id, ring.size)[0]),
      y: result.path.map((id) => point(id, ring.size)[1]),
      line: { color: colour(2), width: 3 },
      marker: { color: colour(2), size: 12, symbol: "circle-open" },
    });
  }
  const layout = baseLayout(`Chord ring, m = ${ring.bits} bits${key === undefined ? "" : `: lookup of K${key} from N${node}`}`, "", "", { seed });
  return {
    data,
    layout: {
      ...layout,
      xaxis: { visible: false, range: [-1.3, 1.3], scaleanchor: "y" },
      yaxis: { visible: false, range: [-1.3, 1.3] },
      height: 520,
    },
  };
}
