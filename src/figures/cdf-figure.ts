import type { Table } from "../table";
import { checkNonEmptyArray, invalidRange } from "../validate";
import { baseLayout, type PlotlyFigure } from "./line-figure";
import { colour } from "./palette";

/** Options of {@link cdfFigure}. */
export interface CdfFigureOptions {
  /** Column of the values. */
  value: string;
  /** Column splitting the rows into one curve each. Defaults to none (one curve). */
  series?: string;
  title: string;
  xTitle: string;
  /** y-axis title. Defaults to "cumulative fraction". */
  yTitle?: string;
  /** Logarithmic x axis. Defaults to false. */
  logX?: boolean;
  /** x-axis range [min, max] (in log10 units on a log axis). Defaults to plotly's. */
  xRange?: [number, number];
  /** The seed that produced the data. Defaults to none. */
  seed?: number;
}

/** Empirical CDFs (a step per observation) of one column, one curve per series value, in the order first seen. */
export function cdfFigure(table: Table, options: CdfFigureOptions): PlotlyFigure {
  const rows = table.objects() as Record<string, unknown>[];
  checkNonEmptyArray("table rows", rows);
  for (const column of [options.value, ...(options.series ? [options.series] : [])]) {
    if (!(column in rows[0])) throw invalidRange("column", column, `one of the table's columns ${JSON.stringify(Object.keys(rows[0]))}`);
  }
  const groups = new Map<unknown, number[]>();
  for (const row of rows) {
    const key = options.series ? row[options.series] : options.value;
    groups.set(key, [...(groups.get(key) ?? []), Number(row[options.value])]);
  }
  const data = [...groups].map(([key, values], i) => {
    const sorted = values.sort((a, b) => a - b);
    return {
      type: "scatter",
      mode: "lines",
      line: { shape: "hv", color: colour(i) },
      name: String(key),
      x: sorted,
      y: sorted.map((_, j) => (j + 1) / sorted.length),
    };
  });
  const layout = baseLayout(options.title, options.xTitle, options.yTitle ?? "cumulative fraction", options);
  if (options.xRange) (layout.xaxis as Record<string, unknown>).range = options.xRange;
  (layout.yaxis as Record<string, unknown>).range = [0, 1.02];
  return { data, layout };
}
