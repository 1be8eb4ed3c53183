import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

/** A plotly figure as plain data. */
export interface PlotlyFigure {
  data: object[];
  layout?: object;
  config?: object;
  frames?: object[];
}

const FIGURE_KEYS = new Set(["data", "layout", "config", "frames"]);

/** A plain object with a `data` array of trace objects and nothing but layout, config and frames beside it. */
export function isPlotlyFigure(value: unknown): value is PlotlyFigure {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  const { data } = value as { data?: unknown };
  return keys.includes("data") && keys.every((k) => FIGURE_KEYS.has(k)) && Array.isArray(data) && data.every((t) => t !== null && typeof t === "object");
}

let plotlySource: string | undefined;

/** plotly.js (the cartesian bundle: scatter, bar, heatmap, histogram, box), read once. */
function plotlyScript(): string {
  plotlySource ??= readFileSync(require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js"), "utf8").replace(/<\/script/gi, "<\\/script");
  return plotlySource;
}

/**
 * HTML that draws a figure with no extension and no network (nbconvert drops the plotly MIME
 * type): plotly.js is inlined in the first figure of a session and later ones reuse window.Plotly.
 * The library runs with define/module/exports hidden, so that a page with require.js (the classic
 * notebook, nbconvert's templates) still gets window.Plotly instead of an anonymous AMD module.
 */
export function createPlotlyHtml(): (figure: PlotlyFigure) => string {
  let inlined = false;
  return (figure) => {
    const id = `dslab-plot-${randomUUID()}`;
    const json = JSON.stringify({ data: figure.data, layout: figure.layout ?? {}, config: { responsive: true, displaylogo: false, ...(figure.config ?? {}) } }).replace(/</g, "\\u003c");
    const library = inlined ? "" : `<script>(function(){var define,module,exports;${plotlyScript()}\n}).call(window);</script>`;
    inlined = true;
    return `${library}<div id="${id}" class="dslab-plotly" style="width:100%;min-height:360px"></div><script>(function(){var f=${json};function draw(){window.Plotly.newPlot("${id}",f.data,f.layout,f.config);}if(window.Plotly){draw();}else{window.addEventListener("load",function(){if(window.Plotly)draw();});}})();</script>`;
  };
}
