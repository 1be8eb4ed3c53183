import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readNotebook } from "../notebook/nbformat";
import { runNotebook } from "../notebook/run-notebook";
import { renderCoursePage } from "./course-page";
import { liveHandout } from "./live-handout";
import { joinText, type HandoutNotebook } from "./notebook-shape";
import { renderHandout } from "./render-handout";
import { createMarkdownRenderer } from "./render-markdown";

/** One handout written. */
export interface HandoutResult {
  notebook: string;
  handout: string;
  bytes: number;
  seconds: number;
  status: string;
  /** Build notes: cells left to the kernel (they need Node), widgets that stay static. */
  notes: string[];
  /** The chapter's title and section headings, for the course page. */
  title: string;
  sections: { title: string; id: string }[];
}

/** Options for buildHandouts. */
export interface BuildHandoutsOptions {
  /** Folder of NN-name.ipynb notebooks. */
  notebooksDir: string;
  /** Where handouts/NN-name.html go. */
  outDir: string;
  /** The widget bundle (dist/frontend/handout-widgets.js and .css), inlined once per handout. */
  bundle: { js: string; css: string };
  /** The in-page kernel (dist/frontend/handout-kernel.js): with it, the handouts' widgets recompute in the page. Defaults to none (saved state only). */
  kernel?: string;
  /** Per-cell timeout in seconds. Defaults to 300. */
  timeoutSeconds?: number;
  /** Environment for the kernels. Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Called as each handout is written. */
  onHandout?: (result: HandoutResult) => void;
}

/**
 * Executes every notebook of a folder on its kernel and writes one self-contained HTML handout
 * per notebook. A notebook that fails still gets a handout, with the error in it; the result says so.
 */
export async function buildHandouts(options: BuildHandoutsOptions): Promise<HandoutResult[]> {
  const { notebooksDir, outDir, bundle } = options;
  if (!existsSync(bundle.js)) throw new Error(`the widget bundle ${bundle.js} is missing: run \`npm run build\` first`);
  const scripts = [readFileSync(bundle.js, "utf8")];
  if (options.kernel !== undefined && !existsSync(options.kernel))
    throw new Error(`the in-page kernel ${options.kernel} is missing: run \`npm run build\` first`);
  const kernel = options.kernel !== undefined ? readFileSync(options.kernel, "utf8") : undefined;
  const styles = [readFileSync(bundle.css, "utf8")];
  mkdirSync(outDir, { recursive: true });
  const notebooks = readdirSync(notebooksDir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort();
  const results: HandoutResult[] = [];
  for (const file of notebooks) {
    const started = Date.now();
    const path = join(notebooksDir, file);
    const run = await runNotebook(readNotebook(path), { cwd: notebooksDir, timeoutSeconds: options.timeoutSeconds ?? 300, env: options.env });
    const handout = join(outDir, `${basename(file, ".ipynb")}.html`);
    const built = new Date().toISOString().slice(0, 10);
    const planned = kernel !== undefined ? liveHandout(run.notebook, kernel) : undefined;
    // A notebook with no widget to make live does not carry the in-page kernel.
    const live = planned?.live.plan.cells.some((c) => c.widgetViews.length > 0) ? planned : undefined;
    const how = live ? "the widgets recompute in this page, no kernel needed" : "every figure and widget shows its saved state";
    writeFileSync(
      handout,
      renderHandout(run.notebook, {
        scripts,
        styles,
        packScripts: true,
        subtitle: `dslab handout · built ${built} from notebooks/${file} · ${how}`,
        live: live?.live,
      }),
    );
    const { title, sections } = outline(run.notebook);
    const result = {
      notebook: path,
      handout,
      bytes: statSync(handout).size,
      seconds: (Date.now() - started) / 1000,
      status: run.status === "ok" ? "ok" : `${run.status} in cell ${run.failedCell! + 1}`,
      notes: planned?.messages ?? [],
      title,
      sections,
    };
    results.push(result);
    options.onHandout?.(result);
  }
  if (results.length > 0)
    writeFileSync(join(outDir, "index.html"), renderCoursePage(results.map((r) => ({ file: basename(r.handout), title: r.title, sections: r.sections }))));
  return results;
}

/** A notebook's first-level heading and its second-level headings, as text. */
function outline(notebook: HandoutNotebook): { title: string; sections: { title: string; id: string }[] } {
  const markdown = createMarkdownRenderer();
  for (const cell of notebook.cells) if (cell.cell_type === "markdown") markdown.render(joinText(cell.source));
  const text = (html: string) =>
    html
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  return {
    title: text(markdown.headings.find((h) => h.level === 1)?.text ?? "untitled"),
    sections: markdown.headings.filter((h) => h.level === 2).map((h) => ({ title: text(h.text), id: h.id })),
  };
}
