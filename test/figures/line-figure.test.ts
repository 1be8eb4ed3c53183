import { describe, expect, it } from "vitest";
import { barFigure, baseLayout, lineFigure, logAxis } from "../../src/figures/index";
import { tableFromRows } from "../../src/table";

const table = tableFromRows([
  { n: 1, sim: 0.1, closed: 0.11 },
  { n: 10, sim: 0.5, closed: 0.52 },
]);

describe("lineFigure(table, options)", () => {
  it("draws reference columns dashed and without markers, measured ones solid with markers", () => {
    const fig = lineFigure(table, { x: "n", y: ["sim", "closed"], dashed: ["closed"], title: "t", xTitle: "x", yTitle: "y" });
    expect(fig.data.map((d) => [d.mode, (d.line as { dash?: string }).dash, "marker" in d])).toEqual([
      ["lines+markers", undefined, true],
      ["lines", "dash", false],
    ]);
  });

  it("names a dashed column the table lacks", () => {
    expect(() => lineFigure(table, { x: "n", y: "sim", dashed: ["che"], title: "t", xTitle: "x", yTitle: "y" })).toThrow('invalid column: "che"');
  });
});

describe("baseLayout(title, xTitle, yTitle, options)", () => {
  it("labels log axes at decades only, in powers of ten, never with SI prefixes", () => {
    const layout = baseLayout("t", "x", "y", { logX: true, logY: true }) as { xaxis: Record<string, unknown>; yaxis: Record<string, unknown> };
    for (const axis of [layout.xaxis, layout.yaxis]) expect(axis).toMatchObject({ type: "log", dtick: 1, exponentformat: "power" });
    expect(logAxis()).toMatchObject({ dtick: 1 });
  });

  it("puts the legend at the foot of the figure, below the x-axis title, and keeps both titles", () => {
    const layout = baseLayout("t", "x (ms)", "y (ms)") as {
      legend: Record<string, unknown>;
      xaxis: { title: { text: string } };
      yaxis: { title: { text: string } };
    };
    expect(layout.legend).toMatchObject({ yref: "container", y: 0, yanchor: "bottom" });
    expect([layout.xaxis.title.text, layout.yaxis.title.text]).toEqual(["x (ms)", "y (ms)"]);
  });
});

describe("barFigure(table, options)", () => {
  it("lays long category names out across with horizontal, value axis titled by yTitle", () => {
    const bars = tableFromRows([{ strategy: "parallel + hedged after p95", mean: 69 }]);
    const fig = barFigure(bars, { x: "strategy", y: "mean", title: "t", xTitle: "strategy", yTitle: "latency (ms)", horizontal: true });
    expect(fig.data[0]).toMatchObject({ orientation: "h", y: ["parallel + hedged after p95"], x: [69] });
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).toBe("latency (ms)");
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe("strategy");
  });
});

describe("lineFigure bands", () => {
  const banded = tableFromRows([
    { n: 1, sim: 0.1, closed: 0.11, p99: 0.3, lo: 0.05, hi: 0.15 },
    { n: 10, sim: 0.5, closed: 0.52, p99: 0.9, lo: 0.45, hi: 0.55 },
  ]);
  const bands = (fig: { data: Record<string, unknown>[] }) => fig.data.filter((d) => d.fill === "tonexty").map((d) => d.legendgroup);

  it("draw the band around the measured columns, never around a dashed reference", () => {
    expect(bands(lineFigure(banded, { x: "n", y: ["sim", "closed"], dashed: ["closed"], band: ["lo", "hi"], title: "t", xTitle: "x", yTitle: "y" }))).toEqual([
      "sim",
    ]);
  });

  it("draw it only around the columns named by bandFor", () => {
    expect(bands(lineFigure(banded, { x: "n", y: ["sim", "p99"], band: ["lo", "hi"], bandFor: ["sim"], title: "t", xTitle: "x", yTitle: "y" }))).toEqual([
      "sim",
    ]);
  });
});

describe("logAxis(values)", () => {
  it("labels every decade over a short span and every few over a long one, at most about eight labels", () => {
    expect(logAxis([1, 1000]).dtick).toBe(1);
    expect(logAxis([1e-20, 0.01]).dtick).toBe(3);
    expect(logAxis([0, -1]).dtick).toBe(1);
  });
});
