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

/** Figure HTML, with plotly.js inlined once, and kept in an output that is still there. */
export interface PlotlyHtml {
  (figure: PlotlyFigure): string;
  /**
   * A cell starts running (`cellId` as JupyterLab sends it in an execute_request's metadata, with
   * the ids of cells deleted since). If it is the cell whose output carries plotly.js, that output
   * is about to be replaced; if that cell was deleted, it is gone: the next figure inlines
   * plotly.js again, so that every saved figure still draws in an export (nbconvert's HTML).
   */
  cellStarted(cellId: string | undefined, deletedCells?: readonly string[]): void;
}

/**
 * HTML that draws a figure with no extension and no network (nbconvert drops the plotly MIME
 * type): plotly.js (1.4 MB) is inlined in one figure and later ones reuse window.Plotly. Which
 * cell holds it is remembered (`currentCell()` when it is inlined); re-running or deleting that
 * cell makes the next figure inline it again. Clients that send no cell ids get it once per
 * session, as before (a headless run executes each cell once).
 * The library runs with define/module/exports hidden, so that a page with require.js (the classic
 * notebook, nbconvert's templates) still gets window.Plotly instead of an anonymous AMD module.
 */
export function createPlotlyHtml(currentCell: () => string | undefined = () => undefined): PlotlyHtml {
  let inlined = false;
  let holder: string | undefined;
  const html = ((figure: PlotlyFigure) => {
    const id = `dslab-plot-${randomUUID()}`;
    const json = JSON.stringify({
      data: figure.data,
      layout: figure.layout ?? {},
      config: { responsive: true, displaylogo: false, ...(figure.config ?? {}) },
    }).replace(/</g, "\\u003c");
    const library = inlined ? "" : `<script>(function(){var define,module,exports;${plotlyScript()}\n}).call(window);</script>`;
    if (!inlined) holder = currentCell();
    inlined = true;
    return `${library}<div id="${id}" class="dslab-plotly" style="width:100%;min-height:360px"></div><script>(function(){var f=${json};function draw(){window.Plotly.newPlot("${id}",f.data,f.layout,f.config);}if(window.Plotly){draw();}else{window.addEventListener("load",function(){if(window.Plotly)draw();});}})();</script>`;
  }) as PlotlyHtml;
  html.cellStarted = (cellId, deletedCells = []) => {
    if (holder === undefined) return;
    if (holder === cellId || deletedCells.includes(holder)) {
      inlined = false;
      holder = undefined;
    }
  };
  return html;
}
