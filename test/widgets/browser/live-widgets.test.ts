import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_BUNDLE_OPTIONS } from "../../../scripts/build-frontend";
import { CHROMIUM, chromiumAvailable } from "../../helpers/browser";
import { hasPythonModules, kernelEnv, toolsAvailable } from "../../helpers/jupyter";
import { startJupyterServer, type JupyterServer } from "./jupyter-server";
import { openLivePage } from "./open-live-page";

const root = join(__dirname, "..", "..", "..");
const artifacts = join(root, "test", "artifacts");
const canRun = chromiumAvailable() && toolsAvailable("Debian's jupyter-server", hasPythonModules("jupyter_server"));
let server: JupyterServer | undefined;
let browser: Browser | undefined;
let pageJs = "";
let pageCss = "";

/** The cell a reader would write: an interact with a slider over one Figure, updated in place. */
const CELL = [
  'import { Figure, interact } from "dslab/widgets";',
  'const fig = new Figure({ layout: { title: { text: "x² for x < n" }, xaxis: { title: { text: "x" } }, yaxis: { title: { text: "x²" } } } });',
  "interact(({ n }) => {",
  "  const x = Array.from({ length: n }, (_, i) => i);",
  '  fig.update({ data: [{ type: "scatter", mode: "lines+markers", name: "x²", x, y: x.map((v) => v * v) }] });',
  "  return fig;",
  '}, { n: { min: 2, max: 20, value: 5, description: "n" } });',
].join("\n");

beforeAll(async () => {
  if (!canRun) return;
  const out = mkdtempSync(join(tmpdir(), "dslab-live-page-"));
  await build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: ["test/widgets/browser/live-page.ts"], outdir: out, entryNames: "live-page" });
  pageJs = readFileSync(join(out, "live-page.js"), "utf8");
  pageCss = readFileSync(join(out, "live-page.css"), "utf8");
  server = await startJupyterServer(kernelEnv(), join(root, "notebooks"));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The Figure's trace as plotly holds it on the plot element, and how many markers the SVG draws. */
function trace(page: Page): Promise<{ y: number[]; markers: number }> {
  return page.evaluate(() => {
    const plot = document.querySelector(".dslab-figure .js-plotly-plot") as (HTMLElement & { data?: { y: number[] }[] }) | null;
    return { y: plot?.data?.[0]?.y ?? [], markers: plot ? plot.querySelectorAll(".scatterlayer .trace .point").length : 0 };
  });
}

describe.runIf(canRun)("widgets in Chromium against the live dslab kernel behind jupyter-server", () => {
  it("drags an interact's slider and the Figure redraws in place with the new trace data", async () => {
    const problems: string[] = [];
    const page = await openLivePage({ browser: browser!, server: server!, pageJs, pageCss, code: CELL, viewport: { width: 1000, height: 760 }, problems });
    await page.waitForSelector(".dslab-figure .scatterlayer .trace .point", { timeout: 30_000 });
    await page.waitForSelector(".widget-slider .noUi-handle");
    const before = await trace(page);
    await page.screenshot({ path: join(artifacts, "widgets-live-before.png") });
    expect(before).toEqual({ y: [0, 1, 4, 9, 16], markers: 5 });

    const handle = (await page.locator(".widget-slider .noUi-handle").boundingBox())!;
    const track = (await page.locator(".widget-slider .noUi-target").boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width * 0.8, handle.y + handle.height / 2, { steps: 8 });
    await page.mouse.up();
    const readout = Number(await page.locator(".widget-slider .widget-readout").textContent());
    expect(readout).toBeGreaterThan(5);
    // The kernel runs the interact on the new value and sends the Figure an update; the view redraws.
    await page.waitForFunction(
      (n) => (document.querySelector(".dslab-figure .js-plotly-plot") as unknown as { data?: { y: number[] }[] } | null)?.data?.[0]?.y?.length === n,
      readout,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(300);
    const after = await trace(page);
    await page.screenshot({ path: join(artifacts, "widgets-live-after.png") });
    expect(after.y).toEqual(Array.from({ length: readout }, (_, i) => i * i));
    expect(after.markers).toBe(readout);
    // Redrawn in place: still one figure, not a second one.
    expect(await page.locator(".dslab-figure").count()).toBe(1);
    expect(problems).toEqual([]);
  }, 90_000);

  it("keeps the reader's zoom when the slider changes only the data", async () => {
    const page = browser!.contexts()[0]!.pages()[0]!;
    const axisRange = () =>
      page.evaluate(() =>
        (document.querySelector(".dslab-figure .js-plotly-plot") as unknown as { layout: { xaxis: { range: number[] } } }).layout.xaxis.range.map(
          (v) => Math.round(v * 10) / 10,
        ),
      );
    const fullRange = await axisRange();
    // Zoom the way a reader does: drag a box over the left part of the plot area.
    const area = (await page.locator(".dslab-figure .nsewdrag").first().boundingBox())!;
    await page.mouse.move(area.x + area.width * 0.05, area.y + area.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.4, area.y + area.height * 0.9, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const zoomed = await axisRange();
    expect(zoomed[1]).toBeLessThan(fullRange[1] * 0.6);
    const track = (await page.locator(".widget-slider .noUi-target").boundingBox())!;
    await page.mouse.click(track.x + track.width * 0.98, track.y + track.height / 2);
    await page.waitForFunction(
      () => ((document.querySelector(".dslab-figure .js-plotly-plot") as unknown as { data: { y: number[] }[] }).data[0].y.length ?? 0) >= 19,
      undefined,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, "widgets-live-zoom-kept.png") });
    expect(await axisRange()).toEqual(zoomed);
  }, 60_000);
});
