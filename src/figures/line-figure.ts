import type { Table } from "../table";
import { checkNonEmptyArray, invalidRange } from "../validate";
import { colour, withAlpha } from "./palette";

/** A plotly figure as plain data. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

/** Options for lineFigure. */
export interface LineFigureOptions {
  /** Column for the x axis. */
  x: string;
  /** Columns drawn as lines (one trace each), or one column split by `series`. */
  y: string | string[];
  /** Column whose values split the rows into one trace each. Defaults to none. */
  series?: string;
  /** How a series value is named in the legend. Defaults to "<series> = <value>". */
  seriesName?: (value: unknown) => string;
  /** Columns of a confidence band [lower, upper] drawn around each trace. Defaults to none. */
  band?: [string, string];
  /** Figure title. */
  title: string;
  /** x-axis title, with its unit. */
  xTitle: string;
  /** y-axis title, with its unit. */
  yTitle: string;
  /** Logarithmic axes. Defaults to false. */
  logX?: boolean;
  logY?: boolean;
  /** The seed that produced the data, shown under the title. Defaults to none (deterministic data). */
  seed?: number;
  /** Trace mode. Defaults to "lines+markers". */
  mode?: string;
  /** Extra traces (e.g. a closed form) appended after the table's. Defaults to none. */
  extra?: Record<string, unknown>[];
  /** Names for the y columns in the legend. Defaults to the column names. */
  yNames?: Record<string, string>;
}

/** The layout every figure shares: title with the seed, axis titles, log axes, a legend, print-friendly size. */
export function baseLayout(title: string, xTitle: string, yTitle: string, options: { logX?: boolean; logY?: boolean; seed?: number } = {}): Record<string, unknown> {
  const subtitle = options.seed === undefined ? "" : `<br><sub>seed ${options.seed}</sub>`;
  return {
    title: { text: `${title}${subtitle}` },
    // The x type is left to plotly unless log: bar charts put categories on x.
    xaxis: { title: { text: xTitle }, ...(options.logX ? { type: "log" } : {}), zeroline: false },
    yaxis: { title: { text: yTitle }, type: options.logY ? "log" : "linear", zeroline: false },
    legend: { orientation: "h", y: -0.25 },
    margin: { t: 70, r: 20, b: 110, l: 70 },
    height: 440,
    template: { layout: { font: { family: "system-ui, sans-serif" } } },
  };
}

/** Lines (one per series or per y column) from a table, with optional confidence bands. */
export function lineFigure(table: Table, options: LineFigureOptions): PlotlyFigure {
  const rows = table.objects() as Record<string, unknown>[];
  checkNonEmptyArray("table rows", rows);
  const ys = Array.isArray(options.y) ? options.y : [options.y];
  for (const column of [options.x, ...ys, ...(options.series ? [options.series] : []), ...(options.band ?? [])]) {
    if (!(column in rows[0])) throw invalidRange("column", column, `one of the table's columns ${JSON.stringify(Object.keys(rows[0]))}`);
  }
  const groups = new Map<unknown, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = options.series ? row[options.series] : "";
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const data: Record<string, unknown>[] = [];
  let i = 0;
  for (const [key, group] of groups) {
    for (const y of ys) {
      const c = colour(i++);
      const name = options.series ? (options.seriesName ?? ((v) => `${options.series} = ${v}`))(key) : (options.yNames?.[y] ?? y);
      const label = ys.length > 1 && options.series ? `${name}, ${options.yNames?.[y] ?? y}` : name;
      if (options.band) {
        const [lo, hi] = options.band;
        data.push({ type: "scatter", mode: "lines", x: group.map((r) => r[options.x]), y: group.map((r) => r[hi]), line: { width: 0 }, showlegend: false, hoverinfo: "skip", legendgroup: label });
        data.push({ type: "scatter", mode: "lines", x: group.map((r) => r[options.x]), y: group.map((r) => r[lo]), line: { width: 0 }, fill: "tonexty", fillcolor: withAlpha(c, 0.2), name: `${label} (95% interval)`, legendgroup: label, hoverinfo: "skip" });
      }
      data.push({ type: "scatter", mode: options.mode ?? "lines+markers", name: label, x: group.map((r) => r[options.x]), y: group.map((r) => r[y]), line: { color: c }, marker: { color: c }, legendgroup: label });
    }
  }
  return { data: [...data, ...(options.extra ?? [])], layout: baseLayout(options.title, options.xTitle, options.yTitle, options) };
}

/** Options for barFigure. */
export interface BarFigureOptions {
  x: string;
  y: string | string[];
  title: string;
  xTitle: string;
  yTitle: string;
  logY?: boolean;
  seed?: number;
  yNames?: Record<string, string>;
}

/** Grouped bars, one trace per y column. */
export function barFigure(table: Table, options: BarFigureOptions): PlotlyFigure {
  const rows = table.objects() as Record<string, unknown>[];
  checkNonEmptyArray("table rows", rows);
  const ys = Array.isArray(options.y) ? options.y : [options.y];
  const data = ys.map((y, i) => ({ type: "bar", name: options.yNames?.[y] ?? y, x: rows.map((r) => r[options.x]), y: rows.map((r) => r[y]), marker: { color: colour(i) } }));
  return { data, layout: { ...baseLayout(options.title, options.xTitle, options.yTitle, options), barmode: "group" } };
}
