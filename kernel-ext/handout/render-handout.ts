import { escapeHtml, jsonForScript, scriptSource } from "./escape-html";
import { HANDOUT_CSS } from "./handout-styles";
import { joinText, type HandoutNotebook } from "./notebook-shape";
import { PAGE_SCRIPT } from "./page-script";
import { createMarkdownRenderer, type Heading } from "./render-markdown";
import { renderOutput } from "./render-output";
import { liveScripts, type LiveHandout } from "./live-handout";

const WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json";

/** Options for renderHandout. */
export interface RenderHandoutOptions {
  /** The page title. Defaults to the notebook's first heading. */
  title?: string;
  /** JavaScript inlined once, in order, before the page script (plotly.js, the widget bundle). Defaults to none. */
  scripts?: readonly string[];
  /** CSS inlined once in the head (the widget bundle's styles). Defaults to none. */
  styles?: readonly string[];
  /** A line under the title (e.g. when and how the handout was built). Defaults to none. */
  subtitle?: string;
  /** Show code cells' source. Defaults to true. */
  showCode?: boolean;
  /** Makes the widgets live in the page: the in-page kernel's source and what it runs (see live-handout.ts). Defaults to none: saved state only. */
  live?: LiveHandout;
}

/**
 * Renders an executed notebook as one self-contained HTML page: markdown, code, every output,
 * a table of contents, saved widget state, with all scripts inlined so it opens offline.
 */
export function renderHandout(notebook: HandoutNotebook, options: RenderHandoutOptions = {}): string {
  const { scripts = [], styles = [], showCode = true } = options;
  const markdown = createMarkdownRenderer();
  const widgetState = savedWidgetState(notebook);
  const context = { widgetModels: new Set(Object.keys(widgetState?.state ?? {})) };
  const body = notebook.cells
    .map((cell) => {
      if (cell.cell_type === "markdown") return `<section class="cell-markdown">${markdown.render(joinText(cell.source))}</section>`;
      if (cell.cell_type !== "code") return "";
      const source = joinText(cell.source);
      const outputs = (cell.outputs ?? []).map((output) => renderOutput(output, context)).join("\n");
      const input = showCode && source.trim() !== "" ? `<pre class="source"><code class="language-typescript">${escapeHtml(source)}</code></pre>` : "";
      return `<section class="cell-code">${input}<div class="outputs">${outputs}</div></section>`;
    })
    .join("\n");
  const title = options.title ?? markdown.headings.find((h) => h.level === 1)?.text ?? "dslab handout";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dslab">
<title>${options.title ? escapeHtml(options.title) : title}</title>
${styles.map((css) => `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`).join("\n")}
<style>${HANDOUT_CSS}</style>
${widgetState ? `<script type="${WIDGET_STATE_MIME}">${jsonForScript(widgetState)}</script>` : ""}
</head>
<body>
<main>
<header class="handout-header">${options.subtitle ? `<p>${escapeHtml(options.subtitle)}</p>` : ""}</header>
${tableOfContents(markdown.headings)}
${body}
</main>
${options.live ? liveScripts(options.live) : ""}
${scripts.map((source) => `<script>${scriptSource(source)}</script>`).join("\n")}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function savedWidgetState(notebook: HandoutNotebook): { state: Record<string, unknown> } | undefined {
  const widgets = notebook.metadata.widgets as Record<string, unknown> | undefined;
  const state = widgets?.[WIDGET_STATE_MIME] as { state?: Record<string, unknown> } | undefined;
  return state?.state && Object.keys(state.state).length > 0 ? (state as { state: Record<string, unknown> }) : undefined;
}

function tableOfContents(headings: readonly Heading[]): string {
  const entries = headings.filter((h) => h.level >= 2 && h.level <= 3);
  if (entries.length === 0) return "";
  const items = entries.map((h) => `<li class="level-${h.level}"><a href="#${h.id}">${h.text}</a></li>`).join("\n");
  return `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${items}</ol></nav>`;
}
