import { escapeHtml, jsonForScript, scriptSource } from "./escape-html";
import { HANDOUT_CSS } from "./handout-styles";
import { joinText, type HandoutNotebook } from "./notebook-shape";
import { packedScripts } from "./packed-scripts";
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
  /** Fold each code cell's source under a "Code" summary the reader opens, so the prose leads. Defaults to true. */
  foldCode?: boolean;
  /** Makes the widgets live in the page: the in-page kernel's source and what it runs (see live-handout.ts). Defaults to none: saved state only. */
  live?: LiveHandout;
  /** Ship the scripts (and the page script) gzip-compressed, unpacked in the page: a handout 1.3 MB lighter (see packed-scripts.ts). Defaults to false. */
  packScripts?: boolean;
}

/**
 * Renders an executed notebook as one self-contained HTML page: markdown, code, every output,
 * a table of contents, saved widget state, with all scripts inlined so it opens offline.
 */
export function renderHandout(notebook: HandoutNotebook, options: RenderHandoutOptions = {}): string {
  const { scripts = [], styles = [], showCode = true, foldCode = true, packScripts = false } = options;
  const markdown = createMarkdownRenderer();
  const widgetState = savedWidgetState(notebook);
  const context = { widgetModels: new Set(Object.keys(widgetState?.state ?? {})) };
  const body = notebook.cells
    .map((cell) => {
      if (cell.cell_type === "markdown") return `<section class="cell-markdown">${markdown.render(joinText(cell.source))}</section>`;
      if (cell.cell_type !== "code") return "";
      const source = joinText(cell.source);
      const outputs = (cell.outputs ?? []).map((output) => renderOutput(output, context)).join("\n");
      const pre = `<pre class="source"><code class="language-typescript">${escapeHtml(source)}</code></pre>`;
      const lines = source.trimEnd().split("\n").length;
      const input =
        !showCode || source.trim() === ""
          ? ""
          : foldCode
            ? `<details class="source"><summary>Code (${lines} line${lines === 1 ? "" : "s"})</summary>${pre}</details>`
            : pre;
      return `<section class="cell-code">${input}<div class="outputs">${outputs}</div></section>`;
    })
    .join("\n");
  const numbers = sectionNumbers(markdown.headings);
  const numberedBody = numberHeadings(body, markdown.headings, numbers);
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
${placeContents(numberedBody, tableOfContents(markdown.headings, numbers))}
</main>
${options.live ? liveScripts(options.live) : ""}
${packScripts ? packedScripts([...scripts, PAGE_SCRIPT]) : [...scripts, PAGE_SCRIPT].map((source) => `<script>${scriptSource(source)}</script>`).join("\n")}
</body>
</html>
`;
}

function savedWidgetState(notebook: HandoutNotebook): { state: Record<string, unknown> } | undefined {
  const widgets = notebook.metadata.widgets as Record<string, unknown> | undefined;
  const state = widgets?.[WIDGET_STATE_MIME] as { state?: Record<string, unknown> } | undefined;
  return state?.state && Object.keys(state.state).length > 0 ? (state as { state: Record<string, unknown> }) : undefined;
}

/** Numbers for the level 2 and 3 headings, as the reader counts them: 1, 2, 2.1, 2.2, 3. */
export function sectionNumbers(headings: readonly Heading[]): Map<string, string> {
  const numbers = new Map<string, string>();
  let section = 0;
  let subsection = 0;
  for (const h of headings) {
    if (h.level === 2) {
      section++;
      subsection = 0;
      numbers.set(h.id, String(section));
    } else if (h.level === 3) {
      subsection++;
      numbers.set(h.id, `${section}.${subsection}`);
    }
  }
  return numbers;
}

/** The contents go right under the title (the first h1), or first if there is none. */
function placeContents(body: string, toc: string): string {
  const end = body.indexOf("</h1>");
  if (end < 0) return `${toc}\n${body}`;
  const at = end + "</h1>".length;
  return `${body.slice(0, at)}\n${toc}${body.slice(at)}`;
}

/** Puts each heading's number in front of its text, so the page and its contents agree. */
function numberHeadings(body: string, headings: readonly Heading[], numbers: ReadonlyMap<string, string>): string {
  let out = body;
  for (const h of headings) {
    const number = numbers.get(h.id);
    if (number === undefined) continue;
    const open = `<h${h.level} id="${h.id}">`;
    const at = out.indexOf(open);
    if (at >= 0) out = `${out.slice(0, at + open.length)}<span class="section-number">${number}</span> ${out.slice(at + open.length)}`;
  }
  return out;
}

/** The contents: sections with their subsections nested under them, numbered as the headings are. */
function tableOfContents(headings: readonly Heading[], numbers: ReadonlyMap<string, string>): string {
  const entries = headings.filter((h) => numbers.has(h.id));
  if (entries.length === 0) return "";
  const link = (h: Heading) => `<a href="#${h.id}"><span class="section-number">${numbers.get(h.id)}</span> ${h.text}</a>`;
  let html = "";
  let open = false;
  for (const h of entries) {
    if (h.level === 3) {
      html += `${open ? "" : "<ol>"}<li class="level-3">${link(h)}</li>`;
      open = true;
    } else {
      html += `${open ? "</ol>" : ""}${html === "" ? "" : "</li>"}<li class="level-2">${link(h)}`;
      open = false;
    }
  }
  html += `${open ? "</ol>" : ""}</li>`;
  return `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${html}</ol></nav>`;
}
