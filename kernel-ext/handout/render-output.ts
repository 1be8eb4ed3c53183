import { compactFigure } from "./compact-figure";
import { escapeHtml, jsonForScript, stripAnsi } from "./escape-html";
import { joinText, type HandoutOutput } from "./notebook-shape";

export const WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json";
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** What rendering an output needs to know about the rest of the page. */
export interface OutputContext {
  /** Model ids present in the notebook's saved widget state. */
  widgetModels: ReadonlySet<string>;
}

/** Renders one nbformat output as static HTML (plotly and widgets become placeholders the page script fills). */
export function renderOutput(output: HandoutOutput, context: OutputContext): string {
  switch (output.output_type) {
    case "stream":
      return `<pre class="output-stream ${output.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(stripAnsi(joinText(output.text)))}</pre>`;
    case "error":
      return `<pre class="output-error">${escapeHtml(stripAnsi((output.traceback ?? [`${output.ename}: ${output.evalue}`]).join("\n")))}</pre>`;
    case "display_data":
    case "execute_result":
      return renderBundle(output.data ?? {}, context);
    default:
      return "";
  }
}

/**
 * Picks the richest representation a page without a kernel can show, in the order a reader
 * gains most from: a live widget (if its state was saved), a plotly figure, HTML, images, text.
 */
function renderBundle(data: Record<string, unknown>, context: OutputContext): string {
  const view = data[WIDGET_VIEW_MIME] as { model_id?: string } | undefined;
  if (view?.model_id && context.widgetModels.has(view.model_id)) {
    return `<div class="output-widget"><script type="${WIDGET_VIEW_MIME}">${jsonForScript(view)}</script></div>`;
  }
  if (data[PLOTLY_MIME] !== undefined) {
    return `<div class="output-figure"><div class="plotly-figure"></div><script type="${PLOTLY_MIME}">${jsonForScript(compactFigure(data[PLOTLY_MIME]))}</script></div>`;
  }
  if (data["text/html"] !== undefined) return `<div class="output-html">${joinText(data["text/html"] as string | string[])}</div>`;
  if (data["image/svg+xml"] !== undefined) return `<div class="output-image">${joinText(data["image/svg+xml"] as string | string[])}</div>`;
  for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
    if (typeof data[mime] === "string") {
      return `<div class="output-image"><img alt="figure" src="data:${mime};base64,${(data[mime] as string).replace(/\s/g, "")}"></div>`;
    }
  }
  if (data["text/plain"] !== undefined) return `<pre class="output-text">${escapeHtml(stripAnsi(joinText(data["text/plain"] as string | string[])))}</pre>`;
  return "";
}
