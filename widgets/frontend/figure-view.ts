import { DOMWidgetModel, DOMWidgetView } from "@jupyter-widgets/base";
import { plotly } from "./plotly";

/** Module name and version of dslab's own models, as the kernel side declares them (widgets/version.ts). */
export const MODULE_NAME = "dslab";
export const MODULE_VERSION = "0.1.0";

/** The front-end model of Figure: plotly data, layout (plot_layout) and config. */
export class FigureModel extends DOMWidgetModel {
  defaults(): ReturnType<DOMWidgetModel["defaults"]> {
    return {
      ...super.defaults(),
      _model_name: "FigureModel",
      _model_module: MODULE_NAME,
      _model_module_version: MODULE_VERSION,
      _view_name: "FigureView",
      _view_module: MODULE_NAME,
      _view_module_version: MODULE_VERSION,
      data: [],
      plot_layout: {},
      config: {},
    };
  }
}

/**
 * Draws a Figure with plotly.js and redraws it in place with Plotly.react when the kernel changes
 * data or layout. layout.uirevision is fixed unless the kernel sets one, so the reader's zoom and
 * pan survive data updates (plotly keeps UI state while uirevision is unchanged).
 */
export class FigureView extends DOMWidgetView {
  private drawing: Promise<unknown> = Promise.resolve();

  render(): void {
    this.el.classList.add("dslab-figure");
    this.el.style.width = "100%";
    this.el.style.minHeight = "360px";
    // A figure split across two printed pages is unreadable.
    this.el.style.breakInside = "avoid";
    this.draw();
    this.listenTo(this.model, "change:data change:plot_layout change:config", () => this.draw());
    // Plotly measures its container; views are often created before they are attached.
    requestAnimationFrame(() => this.resize());
    window.addEventListener("resize", this.onResize);
  }

  private readonly onResize = () => this.resize();

  private drawn = false;

  private draw(): void {
    const layout = { uirevision: "dslab", autosize: true, ...(this.model.get("plot_layout") as object) };
    const config = { responsive: true, displaylogo: false, ...(this.model.get("config") as object) };
    const data = this.model.get("data") as unknown[];
    // newPlot once, then react: react diffs against the drawn figure and keeps its UI state.
    const first = !this.drawn;
    this.drawn = true;
    this.drawing = this.drawing.then(() => (first ? plotly().newPlot(this.el, data, layout, config) : plotly().react(this.el, data, layout, config))).catch((error: unknown) => {
      this.el.textContent = `This figure could not be drawn: ${String(error)}`;
    });
  }

  private resize(): void {
    if (this.el.isConnected && this.el.classList.contains("js-plotly-plot")) plotly().Plots.resize(this.el);
  }

  processLuminoMessage(msg: { type: string }): void {
    super.processLuminoMessage(msg as never);
    if (msg.type === "resize" || msg.type === "after-show" || msg.type === "after-attach") this.resize();
  }

  remove(): void {
    window.removeEventListener("resize", this.onResize);
    plotly().purge(this.el);
    super.remove();
  }
}
