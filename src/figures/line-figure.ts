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
  /** y columns that are references (a closed form, a bound): drawn dashed, without markers. Defaults to none. */
  dashed?: readonly string[];
  /** The y columns the band belongs to. Defaults to every y column that is not dashed. */
  bandFor?: readonly string[];
}

/**
 * A log axis labelled at decades only (1, 10, 100, or 10⁻⁴ in powers of ten), never at the
 * 2…9 minor digits or with SI prefixes such as "100µ" that read as units.
 */
export function logAxis(values: readonly unknown[] = []): Record<string, unknown> {
  // At most about eight labels: over 20 decades, every third one.
  const positive = values.filter((v): v is number => typeof v === "number" && v > 0 && Number.isFinite(v));
  const decades = positive.length === 0 ? 0 : Math.ceil(Math.log10(Math.max(...positive))) - Math.floor(Math.log10(Math.min(...positive)));
  return { type: "log", dtick: Math.max(1, Math.ceil(decades / 8)), exponentformat: "power", minexponent: 4 };
}

/**
 * The layout every figure shares: title with the seed, axis titles, log axes, and the legend
 * in rows at the bottom of the figure, below the x-axis title, never over it (the margins grow
 * to hold it: plotly pushes them for a legend anchored to the container).
 */
export function baseLayout(
  title: string,
  xTitle: string,
  yTitle: string,
  options: { logX?: boolean; logY?: boolean; seed?: number } = {},
): Record<string, unknown> {
  const subtitle = options.seed === undefined ? "" : `<br><sub>seed ${options.seed}</sub>`;
  return {
    title: { text: `${title}${subtitle}`, x: 0.02, xanchor: "left" },
    // The x type is left to plotly unless log: bar charts put categories on x.
    xaxis: { title: { text: xTitle, standoff: 6 }, ...(options.logX ? logAxis() : {}), zeroline: false, automargin: true },
    yaxis: { title: { text: yTitle, standoff: 10 }, ...(options.logY ? logAxis() : { type: "linear" }), zeroline: false, automargin: true },
    legend: { orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "bottom", yref: "container" },
    margin: { t: 70, r: 20, b: 40, l: 70 },
    height: 460,
    template: { layout: { font: { family: "system-ui, sans-serif" } } },
  };
}

/** Lines (one per series or per y column) from a table, with optional confidence bands. */
export function lineFigure(table: Table, options: LineFigureOptions): PlotlyFigure {
  const rows = table.objects() as Record<string, unknown>[];
  checkNonEmptyArray("table rows", rows);
  const ys = Array.isArray(options.y) ? options.y : [options.y];
  for (const column of [options.x, ...ys, ...(options.series ? [options.series] : []), ...(options.band ?? []), ...(options.dashed ?? [])]) {
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
      const banded = options.bandFor ? options.bandFor.includes(y) : !(options.dashed?.includes(y) ?? false);
      if (options.band && banded) {
        const [lo, hi] = options.band;
        data.push({
          type: "scatter",
          mode: "lines",
          x: group.map((r) => r[options.x]),
          y: group.map((r) => r[hi]),
          line: { width: 0 },
          showlegend: false,
          hoverinfo: "skip",
          legendgroup: label,
        });
        data.push({
          type: "scatter",
          mode: "lines",
          x: group.map((r) => r[options.x]),
          y: group.map((r) => r[lo]),
          line: { width: 0 },
          fill: "tonexty",
          fillcolor: withAlpha(c, 0.2),
          name: `${label} (95% interval)`,
          legendgroup: label,
          hoverinfo: "skip",
        });
      }
      const reference = options.dashed?.includes(y) ?? false;
      data.push({
        type: "scatter",
        mode: reference ? "lines" : (options.mode ?? "lines+markers"),
        name: label,
        x: group.map((r) => r[options.x]),
        y: group.map((r) => r[y]),
        line: reference ? { color: c, dash: "dash" } : { color: c },
        ...(reference ? {} : { marker: { color: c } }),
        legendgroup: label,
      });
    }
  }
  return { data: [...data, ...(options.extra ?? [])], layout: baseLayout(options.title, options.xTitle, options.yTitle, options) };
}

/** Options for barFigure. */
export interface BarFigureOptions {
  /** Column of the categories (one group of bars each). */
  x: string;
  /** Columns drawn as bars, one colour each. */
  y: string | string[];
  title: string;
  /** Title of the category axis. */
  xTitle: string;
  /** Title of the value axis, with its unit. */
  yTitle: string;
  /** Logarithmic value axis. Defaults to false. */
  logY?: boolean;
  seed?: number;
  /** Names for the y columns in the legend. Defaults to the column names. */
  yNames?: Record<string, string>;
  /** Bars drawn across, categories listed top to bottom: long category names stay readable. Defaults to false. */
  horizontal?: boolean;
}

/** Grouped bars, one trace per y column; across the page with `horizontal`, so long category names read whole. */
export function barFigure(table: Table, options: BarFigureOptions): PlotlyFigure {
  const rows = table.objects() as Record<string, unknown>[];
  checkNonEmptyArray("table rows", rows);
  const ys = Array.isArray(options.y) ? options.y : [options.y];
  for (const column of [options.x, ...ys]) {
    if (!(column in rows[0])) throw invalidRange("column", column, `one of the table's columns ${JSON.stringify(Object.keys(rows[0]))}`);
  }
  const categories = rows.map((r) => r[options.x]);
  if (!options.horizontal) {
    const data = ys.map((y, i) => ({ type: "bar", name: options.yNames?.[y] ?? y, x: categories, y: rows.map((r) => r[y]), marker: { color: colour(i) } }));
    return { data, layout: { ...baseLayout(options.title, options.xTitle, options.yTitle, options), barmode: "group" } };
  }
  // Plotly draws the last trace of a group on top: reversed, the legend and the bars read in the same order.
  const data = ys.map((y, i) => ({
    type: "bar",
    orientation: "h",
    name: options.yNames?.[y] ?? y,
    y: categories,
    x: rows.map((r) => r[y]),
    marker: { color: colour(i) },
  }));
  const layout = baseLayout(options.title, options.yTitle, options.xTitle, { seed: options.seed, logX: options.logY });
  const height = Math.max(300, 150 + 22 * rows.length * ys.length);
  const xaxis = options.logY ? { ...(layout.xaxis as object), ...logAxis(ys.flatMap((y) => rows.map((r) => r[y]))) } : layout.xaxis;
  return {
    data,
    layout: {
      ...layout,
      xaxis,
      yaxis: { ...(layout.yaxis as object), type: "category", autorange: "reversed" },
      legend: { ...(layout.legend as object), traceorder: "normal" },
      barmode: "group",
      height,
    },
  };
}
