import type { Execution } from "../models/execution";
import { eventNames, processName } from "../models/logical-clock-table";
import { happenedBefore, lamportClocks, vectorClocks } from "../models/logical-clocks";
import { checkOneOf, checkInteger } from "../validate";
import { baseLayout, type PlotlyFigure } from "./line-figure";
import { colour } from "./palette";

/** Options for spaceTimeFigure. */
export interface SpaceTimeFigureOptions {
  /** Timestamps written at the events: "lamport", "vector" or "none". Defaults to "lamport". */
  clock?: "lamport" | "vector" | "none";
  /** Event (by id) whose past, future and concurrent events are coloured. Defaults to none. */
  highlight?: number;
  /** Title. Defaults to "Space-time diagram". */
  title?: string;
  /** The seed that produced the execution, shown under the title. Defaults to none. */
  seed?: number;
}

/**
 * A space-time diagram (Lamport, CACM 1978, Fig. 1 turned sideways): one horizontal line per process,
 * time to the right, an arrow per message from its send to its receipt, each event labelled with its
 * name and timestamp. With `highlight`, the events that happened before it, after it, and
 * concurrently with it are coloured apart.
 */
export function spaceTimeFigure(
  execution: Execution,
  { clock = "lamport", highlight, title = "Space-time diagram", seed }: SpaceTimeFigureOptions = {},
): PlotlyFigure {
  checkOneOf("clock", clock, ["lamport", "vector", "none"] as const);
  if (highlight !== undefined) checkInteger("highlight", highlight, 0, execution.events.length - 1);
  const names = eventNames(execution);
  const lamport = lamportClocks(execution);
  const vector = vectorClocks(execution);
  const before = happenedBefore(execution);
  const end = Math.max(...execution.events.map((e) => e.time)) + 0.5;
  const y = (p: number) => execution.processes - 1 - p;
  const label = (id: number) =>
    clock === "lamport" ? `${names[id]}  ${lamport[id]}` : clock === "vector" ? `${names[id]} [${vector[id].join(",")}]` : names[id];
  const data: Record<string, unknown>[] = Array.from({ length: execution.processes }, (_, p) => ({
    type: "scatter",
    mode: "lines",
    x: [0, end],
    y: [y(p), y(p)],
    line: { color: "#999", width: 1 },
    hoverinfo: "skip",
    showlegend: false,
  }));
  const groups: { name: string; ids: number[]; colour: string }[] =
    highlight === undefined
      ? [{ name: "events", ids: execution.events.map((e) => e.id), colour: colour(0) }]
      : [
          { name: `${names[highlight]} (selected)`, ids: [highlight], colour: colour(7) },
          { name: `happened before ${names[highlight]}`, ids: execution.events.filter((e) => before[e.id][highlight]).map((e) => e.id), colour: colour(0) },
          { name: `happened after ${names[highlight]}`, ids: execution.events.filter((e) => before[highlight][e.id]).map((e) => e.id), colour: colour(2) },
          {
            name: `concurrent with ${names[highlight]}`,
            ids: execution.events.filter((e) => e.id !== highlight && !before[e.id][highlight] && !before[highlight][e.id]).map((e) => e.id),
            colour: colour(3),
          },
        ];
  for (const g of groups) {
    data.push({
      type: "scatter",
      mode: "markers+text",
      name: g.name,
      x: g.ids.map((id) => execution.events[id].time),
      y: g.ids.map((id) => y(execution.events[id].process)),
      text: g.ids.map(label),
      textposition: g.ids.map((id) => (execution.events[id].kind === "receive" ? "bottom center" : "top center")),
      textfont: { size: 11 },
      marker: {
        color: g.colour,
        size: 10,
        symbol: g.ids.map((id) => (execution.events[id].kind === "local" ? "circle" : execution.events[id].kind === "send" ? "triangle-right" : "square")),
      },
      hovertemplate: "%{text}<extra></extra>",
    });
  }
  const annotations = execution.messages.map((m) => {
    const s = execution.events[m.send];
    const r = execution.events[m.receive];
    return {
      x: r.time,
      y: y(r.process),
      ax: s.time,
      ay: y(s.process),
      xref: "x",
      yref: "y",
      axref: "x",
      ayref: "y",
      showarrow: true,
      arrowhead: 2,
      arrowsize: 1.2,
      arrowwidth: 1.3,
      arrowcolor: "#555",
      text: "",
    };
  });
  const layout = baseLayout(title, "real time (not visible to the processes)", "process", { seed });
  return {
    data,
    layout: {
      ...layout,
      annotations,
      height: 170 + 110 * execution.processes,
      yaxis: {
        ...(layout.yaxis as object),
        tickvals: Array.from({ length: execution.processes }, (_, p) => y(p)),
        ticktext: Array.from({ length: execution.processes }, (_, p) => processName(p)),
        range: [-0.6, execution.processes - 0.4],
        zeroline: false,
      },
      xaxis: { ...(layout.xaxis as object), range: [0, end], showgrid: false },
    },
  };
}
