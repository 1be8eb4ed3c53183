// Builds the browser bundle that handouts inline (dist/frontend/handout-widgets.{js,css}):
// the @jupyter-widgets HTML manager, controls and output, dslab's Figure view and plotly.js.
import { build, type BuildOptions, type Plugin } from "esbuild";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");

/** esbuild options shared by every browser bundle of the widget views (IIFE, minified, no network assets). */
export const BROWSER_BUNDLE_OPTIONS: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  // The cartesian plotly bundle draws everything the notebooks draw at a third of the size.
  alias: { "plotly.js-dist-min": "plotly.js-cartesian-dist-min" },
  // Icon fonts are left out: they would double the bundle for the few buttons with icons.
  loader: { ".woff2": "empty", ".woff": "empty", ".ttf": "empty", ".eot": "empty", ".svg": "empty" },
  define: { "process.env.NODE_ENV": '"production"' },
  // @jupyter-widgets/html-manager assigns webpack's public path; give it a variable to assign.
  banner: { js: 'var __webpack_public_path__ = "";' },
  logLevel: "warning",
};

/**
 * esbuild options of the in-page kernel of a live handout (a Web Worker): dslab, dslab/widgets
 * and dslab/kernel from the same sources the Jupyter kernel runs, with the few Node modules they
 * import replaced by browser shims (widgets/frontend/live/shims).
 */
export const KERNEL_BUNDLE_OPTIONS: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  alias: {
    "node:crypto": "./widgets/frontend/live/shims/node-crypto.ts",
    "node:util": "./widgets/frontend/live/shims/node-util.ts",
    "node:fs": "./widgets/frontend/live/shims/node-fs.ts",
  },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
};

/** Builds the in-page kernel (dist/frontend/handout-kernel.js); returns its file and size in bytes. */
export async function buildHandoutKernel(): Promise<{ js: string; bytes: number }> {
  await build({ ...KERNEL_BUNDLE_OPTIONS, entryPoints: ["widgets/frontend/live/worker-kernel.ts"], outfile: "dist/frontend/handout-kernel.js" });
  const js = join(root, "dist", "frontend", "handout-kernel.js");
  return { js, bytes: statSync(js).size };
}

/**
 * Leaves out of the handout bundle what a handout never uses: the ipywidgets 7 models and
 * controls that @jupyter-widgets/html-manager carries beside the version 8 ones (dslab's kernel
 * speaks protocol 2, ipywidgets 8), Font Awesome's CSS (its fonts were never inlined), and
 * @jupyterlab/services (a Jupyter server's REST and kernel client: a handout has no server; the
 * two names the output area and rendermime import are given offline stand-ins). sanitize-html
 * (two copies, with postcss, htmlparser2 and entity tables) gives way to one on the browser's
 * own HTML parser (widgets/frontend/live/shims/sanitize-html.ts); semver, used for one
 * maxSatisfying, gives way to that function (shims/semver.ts).
 */
export const HANDOUT_STUBS: Plugin = {
  name: "dslab-handout-stubs",
  setup(b) {
    b.onResolve({ filter: /^@jupyter-widgets\/(base7|controls7)(\/|$)|^@fortawesome\/fontawesome-free\/css\// }, (args) => ({
      path: args.path,
      namespace: "dslab-stub",
    }));
    b.onResolve({ filter: /^@jupyterlab\/services$/ }, () => ({ path: join(root, "widgets", "frontend", "live", "shims", "jupyterlab-services.ts") }));
    b.onResolve({ filter: /^semver$/ }, () => ({ path: join(root, "widgets", "frontend", "live", "shims", "semver.ts") }));
    b.onResolve({ filter: /^sanitize-html$/ }, () => ({ path: join(root, "widgets", "frontend", "live", "shims", "sanitize-html.ts") }));
    b.onLoad({ filter: /.*/, namespace: "dslab-stub" }, (args) => ({
      contents: args.path.endsWith(".css") ? "" : "module.exports = {};",
      loader: args.path.endsWith(".css") ? "css" : "js",
    }));
  },
};

/** Builds the handout widget bundle; returns its files and sizes in bytes. */
export async function buildHandoutBundle(): Promise<{ js: string; css: string; bytes: number }> {
  await build({
    ...BROWSER_BUNDLE_OPTIONS,
    plugins: [HANDOUT_STUBS],
    entryPoints: ["widgets/frontend/handout-widgets.ts"],
    outdir: "dist/frontend",
    entryNames: "handout-widgets",
  });
  const js = join(root, "dist", "frontend", "handout-widgets.js");
  const css = join(root, "dist", "frontend", "handout-widgets.css");
  writeStandaloneRenderer(js, css, join(root, "dist", "frontend", "dslab-widgets.js"));
  return { js, css, bytes: statSync(js).size + statSync(css).size };
}

/**
 * Writes the one-file widget renderer for nbconvert's `--HTMLExporter.widget_renderer_url`:
 * nbconvert loads only a script, so this one carries its CSS and adds it to the page first.
 */
function writeStandaloneRenderer(js: string, css: string, out: string): void {
  const style = `(function(){var s=document.createElement("style");s.setAttribute("data-dslab-widgets","");s.textContent=${JSON.stringify(readFileSync(css, "utf8"))};document.head.appendChild(s);})();\n`;
  writeFileSync(out, style + readFileSync(js, "utf8"));
}

if (require.main === module) {
  const started = Date.now();
  Promise.all([buildHandoutBundle(), buildHandoutKernel()]).then(
    ([page, kernel]) =>
      console.log(
        `built ${page.js} (${(page.bytes / 1e6).toFixed(2)} MB with its CSS) and ${kernel.js} (${(kernel.bytes / 1e6).toFixed(2)} MB) in ${Date.now() - started} ms`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
