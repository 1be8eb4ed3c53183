import type { Table } from "../table";
import { barFigure, type BarFigureOptions, type PlotlyFigure } from "./line-figure";

/**
 * Bars stacked per category, one segment per y column: for outcomes that add up to a whole (right,
 * wrong, no answer). Long category names are tilted; the legend stays at the foot, as in every figure.
 */
export function stackedBarFigure(table: Table, options: BarFigureOptions): PlotlyFigure {
  const figure = barFigure(table, options);
  return {
    data: figure.data,
    layout: {
      ...figure.layout,
      barmode: "stack",
      xaxis: { ...(figure.layout.xaxis as object), tickangle: -35, automargin: true },
      height: 500,
    },
  };
}
