import { inspect } from "node:util";
import type { MimeBundle } from "../api";
import { escapeHtml } from "../handout/escape-html";
import { isPlotlyFigure, type PlotlyFigure } from "./plotly-html";

/** The symbol under which a value offers its own MIME bundle (the convention Deno's kernel uses). */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

interface ArqueroLike {
  numRows(): number;
  numCols(): number;
  columnNames(): string[];
  toHTML(options?: { limit?: number }): string;
  toMarkdown(options?: { limit?: number }): string;
  rename(names: Record<string, string>): ArqueroLike;
}

function isArqueroTable(value: unknown): value is ArqueroLike {
  const v = value as Partial<ArqueroLike> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.toHTML === "function" &&
    typeof v.numRows === "function" &&
    typeof v.columnNames === "function" &&
    typeof v.toMarkdown === "function" &&
    typeof v.rename === "function"
  );
}

/** Rows of a table shown inline; the rest is summarised. */
const TABLE_ROW_LIMIT = 100;

/**
 * A table as HTML. arquero escapes cell values but writes column names as they are, and a
 * column name can come from anywhere (a CSV header in a student's file): the columns are shown
 * under escaped names. Escaping is one to one, so no two columns end up with the same name.
 */
function tableHtml(table: ArqueroLike): string {
  const names = table.columnNames();
  const unsafe = names.filter((name) => escapeHtml(name) !== name);
  const shown = unsafe.length === 0 ? table : table.rename(Object.fromEntries(unsafe.map((name) => [name, escapeHtml(name)])));
  return shown.toHTML({ limit: TABLE_ROW_LIMIT });
}

/** Options for toMimeBundle. */
export interface BundleOptions {
  /** Draws a plotly figure as self-contained HTML. */
  plotlyHtml: (figure: PlotlyFigure) => string;
}

/** Whether a value offers its own bundle (a widget does): a cell's bare last expression is then displayed. */
export function displaysItself(value: unknown): boolean {
  return typeof (value as { [JUPYTER_DISPLAY]?: unknown } | null | undefined)?.[JUPYTER_DISPLAY] === "function";
}

/**
 * The MIME bundle a value displays as: its own [Symbol.for("Jupyter.display")]() bundle, an
 * arquero table as HTML, a plotly figure as plotly JSON with HTML and text fallbacks, else text.
 */
export function toMimeBundle(value: unknown, options: BundleOptions): MimeBundle {
  const own = (value as { [JUPYTER_DISPLAY]?: unknown } | null)?.[JUPYTER_DISPLAY];
  if (typeof own === "function") {
    const bundle = own.call(value) as MimeBundle | null | undefined;
    if (bundle && typeof bundle === "object") return "text/plain" in bundle ? bundle : { ...bundle, "text/plain": inspect(value, { depth: 1 }) };
  }
  if (isArqueroTable(value)) {
    const rows = value.numRows();
    const more = rows > TABLE_ROW_LIMIT ? `<p>${TABLE_ROW_LIMIT} of ${rows} rows shown.</p>` : "";
    return {
      "text/html": tableHtml(value) + more,
      "text/plain": `${value.toMarkdown({ limit: TABLE_ROW_LIMIT })}${rows > TABLE_ROW_LIMIT ? `\n(${TABLE_ROW_LIMIT} of ${rows} rows)` : ""}`,
    };
  }
  if (isPlotlyFigure(value)) {
    const title = (value.layout as { title?: { text?: string } | string } | undefined)?.title;
    const text = typeof title === "string" ? title : title?.text;
    return {
      "application/vnd.plotly.v1+json": { data: value.data, layout: value.layout ?? {}, ...(value.config ? { config: value.config } : {}) },
      "text/html": options.plotlyHtml(value),
      "text/plain": `Figure${text ? ` "${text}"` : ""} with ${value.data.length} trace${value.data.length === 1 ? "" : "s"}`,
    };
  }
  return { "text/plain": typeof value === "string" ? inspect(value) : inspect(value, { depth: 4, colors: false }) };
}
