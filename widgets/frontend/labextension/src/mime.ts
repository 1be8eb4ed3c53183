import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { plotly } from "../../plotly";

const MIME = "application/vnd.plotly.v1+json";

/** Draws a plotly figure output (what `display(figure)` sends) with plotly.js. */
class PlotlyRenderer extends Widget implements IRenderMime.IRenderer {
  constructor() {
    super();
    this.addClass("dslab-plotly-output");
    this.node.style.minHeight = "360px";
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const figure = model.data[MIME] as { data?: unknown[]; layout?: object; config?: object };
    await plotly().react(this.node, figure.data ?? [], figure.layout ?? {}, { responsive: true, displaylogo: false, ...(figure.config ?? {}) });
  }

  protected override onResize(): void {
    if (this.node.classList.contains("js-plotly-plot")) plotly().Plots.resize(this.node);
  }
}

/** The renderer factory for plotly outputs (also used by the handouts' Output widgets). */
export const PLOTLY_RENDERER_FACTORY: IRenderMime.IRendererFactory = { safe: true, mimeTypes: [MIME], createRenderer: () => new PlotlyRenderer() };

/** A mime renderer extension: plotly outputs render in JupyterLab without jupyterlab-plotly. */
const extension: IRenderMime.IExtension = {
  id: "dslab-jupyterlab:plotly",
  rendererFactory: PLOTLY_RENDERER_FACTORY,
  rank: 0,
  dataType: "json",
};

// JupyterLab loads a mime extension module's default export.
export default extension;
