import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandouts, type HandoutResult } from "../../kernel-ext/handout/build-handouts";
import { CHROMIUM, chromiumAvailable } from "../helpers/browser";
import { layoutProblems } from "../helpers/figure-checks";
import { kernelEnv } from "../helpers/jupyter";

const root = join(__dirname, "..", "..");
const chapters = readdirSync(join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort();
const artifacts = join(root, "test", "artifacts");
const haveChromium = chromiumAvailable();
let results: HandoutResult[] = [];
let browser: Browser | undefined;

/** A handout in a new tab, once its saved widgets are drawn. */
async function openRendered(handout: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`file://${handout}`);
  await page.waitForFunction(() => document.body.classList.contains("dslab-widgets-rendered"), undefined, { timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  results = await buildHandouts({
    notebooksDir: join(root, "notebooks"),
    outDir: mkdtempSync(join(tmpdir(), "dslab-handouts-")),
    bundle: { js: join(root, "dist", "frontend", "handout-widgets.js"), css: join(root, "dist", "frontend", "handout-widgets.css") },
    env: kernelEnv(),
  });
  if (haveChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  mkdirSync(artifacts, { recursive: true });
}, 420_000);
afterAll(async () => {
  await browser?.close();
});

describe("the HTML handouts", () => {
  it("are one file per chapter, each at most 5 MB, from notebooks that ran without error", () => {
    expect(results.map((r) => r.handout.split("/").pop())).toEqual(chapters.map((f) => f.replace(".ipynb", ".html")));
    for (const r of results) {
      expect(r.status).toBe("ok");
      expect(r.bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    }
  });

  it.runIf(haveChromium)(
    "open offline in Chromium with no failed request, no console error, every figure drawn and every widget visible",
    async () => {
      for (const result of results) {
        const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text().slice(0, 200)}`));
        page.on("pageerror", (e) => problems.push(`page error: ${String(e).slice(0, 200)}`));
        page.on("requestfailed", (r) => problems.push(`failed request: ${r.url().slice(0, 120)}`));
        // The network is blocked: anything but the file itself and inline data would fail (and be reported).
        await page.route("**/*", (route) => {
          const url = route.request().url();
          if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
          requests.push(url.slice(0, 120));
          return route.abort();
        });
        await page.goto(`file://${result.handout}`);
        await page.waitForFunction(() => document.body.classList.contains("dslab-widgets-rendered"), undefined, { timeout: 30_000 });
        await page.waitForTimeout(500);
        const seen = await page.evaluate(() => ({
          staticFigures: document.querySelectorAll(".output-figure .plotly-figure").length,
          drawnStatic: [...document.querySelectorAll(".output-figure .plotly-figure")].filter((el) =>
            el.querySelector("svg.main-svg .trace, svg.main-svg .barlayer .point"),
          ).length,
          widgetOutputs: document.querySelectorAll(".output-widget").length,
          renderedWidgets: document.querySelectorAll(".output-widget .widget-subarea .jupyter-widgets, .output-widget .widget-subarea .lm-Widget").length,
          widgetFigures: document.querySelectorAll(".dslab-figure").length,
          drawnWidgetFigures: [...document.querySelectorAll(".dslab-figure")].filter((el) => el.querySelector("svg.main-svg")).length,
          sliders: document.querySelectorAll(".widget-slider").length,
          toc: document.querySelectorAll("nav.toc li").length,
        }));
        const name = result.handout.split("/").pop()!;
        expect(problems, name).toEqual([]);
        expect(requests, name).toEqual([]);
        expect(seen.staticFigures, name).toBeGreaterThan(2);
        expect(seen.drawnStatic, name).toBe(seen.staticFigures);
        expect(seen.widgetOutputs, name).toBeGreaterThan(0);
        expect(seen.renderedWidgets, name).toBeGreaterThanOrEqual(seen.widgetOutputs);
        expect(seen.drawnWidgetFigures, name).toBe(seen.widgetFigures);
        expect(seen.widgetFigures, name).toBeGreaterThan(0);
        expect(seen.sliders, name).toBeGreaterThan(0);
        expect(seen.toc, name).toBeGreaterThan(3);
        // A picture of the first figure, for a person to look at.
        const figure = page.locator(".output-figure").first();
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: join(artifacts, `${name.replace(".html", "")}-first-figure.png`) });
        await page.close();
      }
    },
    120_000,
  );

  it.runIf(haveChromium)(
    "print without splitting figures across pages",
    async () => {
      const page = await browser!.newPage();
      await page.goto(`file://${results[0].handout}`);
      await page.waitForFunction(() => document.body.classList.contains("dslab-widgets-rendered"), undefined, { timeout: 30_000 });
      await page.emulateMedia({ media: "print" });
      const rules = await page.evaluate(() => {
        const figure = document.querySelector(".output-figure")!;
        const widget = document.querySelector(".output-widget")!;
        return [getComputedStyle(figure).breakInside, getComputedStyle(widget).breakInside];
      });
      expect(rules).toEqual(["avoid", "avoid"]);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      await page.close();
    },
    60_000,
  );

  it.runIf(haveChromium)(
    "print every widget's content within its box: a list that scrolls on screen (the cluster explorer's events) prints whole, not over the text below, and the explorer's buttons are left off",
    async () => {
      for (const result of results) {
        const page = await openRendered(result.handout);
        await page.emulateMedia({ media: "print" });
        const spilling = await page.evaluate(() =>
          [...document.querySelectorAll(".output-widget *")]
            .filter((e) => getComputedStyle(e).maxHeight !== "none" && e.scrollHeight > e.clientHeight + 1)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}: ${e.scrollHeight} px of content in ${e.clientHeight} px`),
        );
        expect(spilling, result.handout.split("/").pop()).toEqual([]);
        // The explorer's buttons are left off the paper (its state and events print).
        const printedButtons = await page.evaluate(
          () => [...document.querySelectorAll(".dslab-raft-controls")].filter((e) => getComputedStyle(e).display !== "none").length,
        );
        expect(printedButtons, result.handout.split("/").pop()).toBe(0);
        await page.close();
      }
    },
    180_000,
  );

  it.runIf(haveChromium)(
    "lay every figure, table and widget out within its column, each figure with its title and axis titles and no legend over them",
    async () => {
      for (const result of results) {
        const page = await openRendered(result.handout);
        await page.waitForTimeout(500);
        expect(await layoutProblems(page), result.handout.split("/").pop()).toEqual([]);
        await page.close();
      }
    },
    180_000,
  );

  it.runIf(haveChromium)(
    "number the contents as the headings are, fold the code and the worked answers, and print the contents on the first page",
    async () => {
      for (const result of results) {
        const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
        await page.goto(`file://${result.handout}`);
        const seen = await page.evaluate(() => ({
          toc: [...document.querySelectorAll("nav.toc a .section-number")].map((e) => e.textContent),
          headings: [...document.querySelectorAll("main h2 .section-number, main h3 .section-number")]
            .filter((e) => !e.closest("nav"))
            .map((e) => e.textContent),
          code: document.querySelectorAll(".cell-code pre.source").length,
          foldedCode: document.querySelectorAll(".cell-code details.source:not([open]) pre.source").length,
          answers: document.querySelectorAll(".cell-markdown details:not([open])").length,
        }));
        const name = result.handout.split("/").pop();
        expect(seen.toc, name).toEqual(seen.headings);
        expect(seen.toc.filter((n) => n !== null && !n.includes(".")).map(Number), name).toEqual(
          seen.toc.filter((n) => n !== null && !n.includes(".")).map((_, i) => i + 1),
        );
        expect(seen.foldedCode, name).toBe(seen.code);
        expect(seen.answers, `${name}: worked answers folded`).toBeGreaterThan(0);
        await page.emulateMedia({ media: "print" });
        const breakAfterToc = await page.evaluate(() => getComputedStyle(document.querySelector("nav.toc")!).breakAfter);
        expect(breakAfterToc, name).not.toBe("page");
        await page.close();
      }
    },
    120_000,
  );
});
