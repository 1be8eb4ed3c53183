export { OKABE_ITO, colour, withAlpha } from "./palette";
export type { BarFigureOptions, LineFigureOptions, PlotlyFigure } from "./line-figure";
export { barFigure, baseLayout, lineFigure } from "./line-figure";
export type { ChordRingFigureOptions } from "./chord-ring-figure";
export { chordRingFigure } from "./chord-ring-figure";
export { bitFieldsFigure } from "./bit-fields-figure";
export type { CdfFigureOptions } from "./cdf-figure";
export { cdfFigure } from "./cdf-figure";
