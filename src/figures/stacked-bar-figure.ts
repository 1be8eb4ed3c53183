import type { Table } from "../table";
import { barFigure, type BarFigureOptions, type PlotlyFigure } from "./line-figure";

/**
 * Bars stacked per category, one segment per y column: for outcomes that add up to a whole (right,
 * wrong, no answer). Long category names are tilted, with room below for them and the legend.
 */
export function stackedBarFigure(table: Table, options: BarFigureOptions): PlotlyFigure {
  const figure = barFigure(table, options);
  return {
    data: figure.data,
    layout: {
      ...figure.layout,
      barmode: "stack",
      xaxis: { ...(figure.layout.xaxis as object), tickangle: -35, automargin: true },
      legend: { orientation: "h", y: 1.02, yanchor: "bottom", x: 1, xanchor: "right" },
      margin: { t: 110, r: 20, b: 40, l: 70 },
      height: 500,
    },
  };
}
