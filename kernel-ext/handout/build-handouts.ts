import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readNotebook } from "../notebook/nbformat";
import { runNotebook } from "../notebook/run-notebook";
import { renderHandout } from "./render-handout";

/** One handout written. */
export interface HandoutResult {
  notebook: string;
  handout: string;
  bytes: number;
  seconds: number;
  status: string;
}

/** Options for buildHandouts. */
export interface BuildHandoutsOptions {
  /** Folder of NN-name.ipynb notebooks. */
  notebooksDir: string;
  /** Where handouts/NN-name.html go. */
  outDir: string;
  /** The widget bundle (dist/frontend/handout-widgets.js and .css), inlined once per handout. */
  bundle: { js: string; css: string };
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
  const styles = [readFileSync(bundle.css, "utf8")];
  mkdirSync(outDir, { recursive: true });
  const notebooks = readdirSync(notebooksDir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
  const results: HandoutResult[] = [];
  for (const file of notebooks) {
    const started = Date.now();
    const path = join(notebooksDir, file);
    const run = await runNotebook(readNotebook(path), { cwd: notebooksDir, timeoutSeconds: options.timeoutSeconds ?? 300, env: options.env });
    const handout = join(outDir, `${basename(file, ".ipynb")}.html`);
    const built = new Date().toISOString().slice(0, 10);
    writeFileSync(handout, renderHandout(run.notebook, { scripts, styles, subtitle: `dslab handout · built ${built} from notebooks/${file} · every figure and widget shows its saved state` }));
    const result = { notebook: path, handout, bytes: statSync(handout).size, seconds: (Date.now() - started) / 1000, status: run.status === "ok" ? "ok" : `${run.status} in cell ${run.failedCell! + 1}` };
    results.push(result);
    options.onHandout?.(result);
  }
  return results;
}
