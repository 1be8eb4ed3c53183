/// <reference path="./plotly-module.d.ts" />
// plotly.js for the views. The JupyterLab extension gets the full bundle; the handout build
// aliases this import to the cartesian bundle (scatter, bar, heatmap: what the notebooks draw),
// a third of the size, so that a handout stays under 5 MB.
import PlotlyModule from "plotly.js-dist-min";

/** The plotly.js API the views use. */
export interface PlotlyApi {
  newPlot(el: HTMLElement, data: unknown[], layout: object, config: object): Promise<unknown>;
  react(el: HTMLElement, data: unknown[], layout: object, config: object): Promise<unknown>;
  purge(el: HTMLElement): void;
  Plots: { resize(el: HTMLElement): void };
}

/** The page's plotly.js (window.Plotly if a page already loaded one, else ours). */
export function plotly(): PlotlyApi {
  const fromPage = (globalThis as { Plotly?: PlotlyApi }).Plotly;
  return fromPage ?? (PlotlyModule as unknown as PlotlyApi);
}
