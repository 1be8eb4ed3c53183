import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumAvailable } from "../helpers/browser";
import { savedState } from "./saved-state";

const root = join(__dirname, "..", "..");
const artifacts = join(root, "test", "artifacts");
const bundleJs = join(root, "dist", "frontend", "handout-widgets.js");
const bundleCss = join(root, "dist", "frontend", "handout-widgets.css");
const haveChromium = chromiumAvailable();
let browser: Browser | undefined;

/** A page laid out the way nbconvert's HTML is: one widget-state tag, one widget-view tag per output. */
function page(): string {
  const view = (id: string) =>
    `<script type="application/vnd.jupyter.widget-view+json">${JSON.stringify({ version_major: 2, version_minor: 0, model_id: id })}</script>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${readFileSync(bundleCss, "utf8")}</style>
<script type="application/vnd.jupyter.widget-state+json">${JSON.stringify(savedState)}</script></head>
<body><div class="output" id="slider-out">${view("slider-1")}</div><div class="output" id="figure-out">${view("figure-1")}</div>
<script>${readFileSync(bundleJs, "utf8").replace(/<\/script/gi, "<\\/script")}</script></body></html>`;
}

beforeAll(async () => {
  execFileSync("npm", ["run", "--silent", "build:frontend"], { cwd: root, stdio: "pipe" });
  if (haveChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("the browser widget bundle (dist/frontend/handout-widgets.js)", () => {
  it("is small enough to inline into a handout of at most 5 MB with plotly.js included", () => {
    const bytes = statSync(bundleJs).size + statSync(bundleCss).size;
    // The handouts' chapters add well under 1 MB of outputs; the rest of the 5 MB is this bundle.
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
    expect(readFileSync(bundleJs, "utf8")).toContain("dslabWidgets");
  });

  it.runIf(haveChromium)(
    "renders a saved IntSlider and Figure offline, the way nbconvert lays them out, with no request and no error",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "dslab-bundle-"));
      writeFileSync(join(dir, "page.html"), page());
      const tab = await browser!.newPage({ viewport: { width: 900, height: 700 } });
      const problems: string[] = [];
      tab.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
      tab.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
      await tab.route("**", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
        problems.push(`blocked request: ${url}`);
        return route.abort();
      });
      await tab.goto(`file://${join(dir, "page.html")}`);
      // The bundle renders on its own once the page is parsed (nbconvert's widget_renderer_url route).
      await tab.waitForFunction(() => document.body.classList.contains("dslab-widgets-rendered"), undefined, { timeout: 30_000 });
      await tab.waitForSelector("#figure-out svg.main-svg .scatterlayer .trace", { timeout: 15_000 });
      const seen = await tab.evaluate(() => ({
        slider: document.querySelector("#slider-out .widget-slider .widget-readout")?.textContent?.trim(),
        label: document.querySelector("#slider-out .widget-label")?.textContent?.trim(),
        traces: document.querySelectorAll("#figure-out .scatterlayer .trace").length,
        points: document.querySelectorAll("#figure-out .scatterlayer .trace .point").length,
        title: document.querySelector("#figure-out .gtitle")?.textContent,
      }));
      await tab.screenshot({ path: join(artifacts, "frontend-bundle-offline.png"), fullPage: true });
      await tab.close();
      expect(problems).toEqual([]);
      expect(seen).toEqual({ slider: "7", label: "servers", traces: 1, points: 7, title: "offline figure" });
    },
    60_000,
  );
});
