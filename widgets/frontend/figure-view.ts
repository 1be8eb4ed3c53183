import { DOMWidgetModel, DOMWidgetView } from "@jupyter-widgets/base";
import { plotly } from "./plotly";

/** Module name and version of dslab's own models, as the kernel side declares them (widgets/version.ts). */
export const MODULE_NAME = "dslab";
export const MODULE_VERSION = "0.1.0";

/** Height of a figure whose plotly layout sets none, in pixels (plotly's own default is 450). */
const DEFAULT_HEIGHT = 420;

/**
 * The front-end model of Figure: plotly `data`, `plot_layout` and `config`. The plotly layout is
 * `plot_layout` because `layout` is every DOM widget's CSS Layout model reference.
 */
export class FigureModel extends DOMWidgetModel {
  override defaults(): ReturnType<DOMWidgetModel["defaults"]> {
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
 * Draws a Figure with Plotly.newPlot and redraws it in place with Plotly.react when the kernel
 * changes data, layout or config. layout.uirevision is fixed unless the kernel sets one, so the
 * reader's zoom and pan survive data updates (plotly keeps UI state while uirevision is unchanged).
 */
export class FigureView extends DOMWidgetView {
  private drawing: Promise<unknown> = Promise.resolve();
  private drawn = false;
  private drawQueued = false;
  // plotly draws into a child: the widget's LayoutView owns the inline style of this.el and
  // clears width and height it does not set, which would collapse a plot drawn on this.el.
  private readonly plot = document.createElement("div");

  override render(): void {
    this.el.classList.add("jupyter-widgets", "dslab-figure");
    this.plot.className = "dslab-figure-plot";
    this.plot.style.width = "100%";
    // A figure split across two printed pages is unreadable.
    this.plot.style.breakInside = "avoid";
    this.el.append(this.plot);
    this.draw();
    // One draw per update: Backbone fires change:<name> once per attribute, and an update usually sets data and plot_layout.
    this.listenTo(this.model, "change", () => {
      if (this.model.hasChanged("data") || this.model.hasChanged("plot_layout") || this.model.hasChanged("config")) this.draw();
    });
    // Plotly measures its container; views are often created before they are attached.
    requestAnimationFrame(() => this.resize());
    window.addEventListener("resize", this.onResize);
  }

  private readonly onResize = () => this.resize();

  /**
   * Draws the model's current figure once the previous draw is done. Updates that arrive while
   * plotly draws coalesce: only the latest state is drawn (a fast drag does not queue redraws).
   */
  private draw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    this.drawing = this.drawing
      .then(() => {
        this.drawQueued = false;
        const plotLayout = this.model.get("plot_layout") as { height?: number };
        this.plot.style.height = `${plotLayout.height ?? DEFAULT_HEIGHT}px`;
        // A deep copy: plotly writes the reader's zoom into the layout it is given, which must not be the model's.
        const layout = { uirevision: "dslab", autosize: true, ...structuredClone(plotLayout) };
        const config = { responsive: true, displaylogo: false, ...(this.model.get("config") as object) };
        const data = this.model.get("data") as unknown[];
        // newPlot once, then react: react diffs against the drawn figure and keeps its UI state.
        const first = !this.drawn;
        this.drawn = true;
        return first ? plotly().newPlot(this.plot, data, layout, config) : plotly().react(this.plot, data, layout, config);
      })
      .catch((error: unknown) => {
        this.plot.textContent = `This figure could not be drawn: ${String(error)}`;
      });
  }

  private resize(): void {
    if (this.plot.isConnected && this.plot.classList.contains("js-plotly-plot")) plotly().Plots.resize(this.plot);
  }

  override processLuminoMessage(msg: { type: string }): void {
    super.processLuminoMessage(msg as never);
    if (msg.type === "resize" || msg.type === "after-show" || msg.type === "after-attach") this.resize();
  }

  override remove(): unknown {
    window.removeEventListener("resize", this.onResize);
    plotly().purge(this.plot);
    return super.remove();
  }
}
