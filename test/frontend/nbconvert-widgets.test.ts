import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumAvailable } from "../helpers/browser";
import { hasPythonModules, PYTHON, toolsAvailable } from "../helpers/jupyter";
import { savedState } from "./saved-state";

const root = join(__dirname, "..", "..");
const artifacts = join(root, "test", "artifacts");
const canRun = chromiumAvailable() && toolsAvailable("Debian's nbconvert", hasPythonModules("nbconvert"));

/** A saved notebook whose outputs are two widget views, with the widget state in its metadata. */
function notebook(): object {
  const view = (id: string) => ({
    output_type: "display_data",
    metadata: {},
    data: { "application/vnd.jupyter.widget-view+json": { version_major: 2, version_minor: 0, model_id: id }, "text/plain": "widget" },
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "dslab", display_name: "TypeScript (dslab)", language: "typescript" },
      widgets: { "application/vnd.jupyter.widget-state+json": savedState },
    },
    cells: [{ id: "c1", cell_type: "code", execution_count: 1, metadata: {}, source: "interact(...)", outputs: [view("slider-1"), view("figure-1")] }],
  };
}

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build:frontend"], { cwd: root, stdio: "pipe" });
}, 120_000);

describe.runIf(canRun)("nbconvert's HTML with widget_renderer_url pointing at dist/frontend/dslab-widgets.js", () => {
  it("shows the saved slider and Figure with no kernel and the network blocked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-nbconvert-"));
    writeFileSync(join(dir, "widgets.ipynb"), JSON.stringify(notebook()));
    const renderer = `file://${join(root, "dist", "frontend", "dslab-widgets.js")}`;
    execFileSync(PYTHON, ["-m", "nbconvert", "--to", "html", `--HTMLExporter.widget_renderer_url=${renderer}`, join(dir, "widgets.ipynb")], { stdio: "pipe" });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      // nbconvert's template asks a CDN for MathJax and fonts; those fail offline, the widgets must not.
      await page.route("**", (route) => (/^(file|data):/.test(route.request().url()) ? route.continue() : route.abort()));
      await page.goto(`file://${join(dir, "widgets.html")}`);
      await page.waitForSelector(".dslab-figure .scatterlayer .trace .point", { timeout: 30_000 });
      const seen = await page.evaluate(() => ({
        readout: document.querySelector(".widget-slider .widget-readout")?.textContent?.trim(),
        markers: document.querySelectorAll(".dslab-figure .scatterlayer .trace .point").length,
        // The renderer brings its own CSS: the slider is laid out as a row, not stacked.
        sliderIsFlex: getComputedStyle(document.querySelector(".widget-slider")!).display.includes("flex"),
      }));
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, "frontend-nbconvert-widgets.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(seen).toEqual({ readout: "7", markers: 7, sliderIsFlex: true });
    } finally {
      await browser.close();
    }
  }, 90_000);
});
