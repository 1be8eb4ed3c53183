export { OKABE_ITO, colour, withAlpha } from "./palette";
export type { BarFigureOptions, LineFigureOptions, PlotlyFigure } from "./line-figure";
export { barFigure, baseLayout, lineFigure, logAxis } from "./line-figure";
export type { ChordRingFigureOptions } from "./chord-ring-figure";
export { chordRingFigure } from "./chord-ring-figure";
export { bitFieldsFigure } from "./bit-fields-figure";
export type { SpaceTimeFigureOptions } from "./space-time-figure";
export { spaceTimeFigure } from "./space-time-figure";
export { stackedBarFigure } from "./stacked-bar-figure";
