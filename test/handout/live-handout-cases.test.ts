// A small notebook built into a live handout: a cell that needs Node keeps its widget static,
// with a note saying why, while the other widget goes live and shows, under it, what its
// function prints and the plotly figure it displays.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandouts, type HandoutResult } from "../../kernel-ext/handout/build-handouts";
import { CHROMIUM, chromiumAvailable } from "../helpers/browser";
import { kernelEnv } from "../helpers/jupyter";

const root = join(__dirname, "..", "..");
const haveChromium = chromiumAvailable();
const cell = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "dslab", display_name: "TypeScript (dslab)", language: "typescript" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Cases\n\n## Live and static" },
    cell(`import { display } from "dslab/kernel";\nimport { interact } from "dslab/widgets";`),
    cell(`import { platform } from "node:os";\nconst os = platform();`),
    cell(`interact(({ n }) => { console.log(os, n); }, { n: { min: 0, max: 10, value: 3 } });`),
    cell(
      `interact(({ k }) => {\n  console.log(\`k is \${k}\`);\n  display({ data: [{ type: "bar", x: ["a", "b"], y: [k, 2 * k] }], layout: { title: { text: \`k = \${k}\` } } });\n}, { k: { min: 0, max: 10, value: 4 } });`,
    ),
  ],
};

let result: HandoutResult | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  const notebooks = mkdtempSync(join(tmpdir(), "dslab-live-cases-"));
  mkdirSync(notebooks, { recursive: true });
  writeFileSync(join(notebooks, "01-cases.ipynb"), JSON.stringify(NOTEBOOK));
  [result] = await buildHandouts({
    notebooksDir: notebooks,
    outDir: join(notebooks, "out"),
    bundle: { js: join(root, "dist", "frontend", "handout-widgets.js"), css: join(root, "dist", "frontend", "handout-widgets.css") },
    kernel: join(root, "dist", "frontend", "handout-kernel.js"),
    env: kernelEnv(),
  });
  if (haveChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("a live handout with a cell that needs Node", () => {
  it("is built with a note naming the cell left to the kernel and the widget that stays static", () => {
    expect(result!.status).toBe("ok");
    expect(result!.notes).toEqual([
      `cell In[2] (#3 in the notebook) runs only in the kernel: it imports "node:os" (the page has only "dslab", "dslab/widgets", "dslab/kernel", "arquero")`,
      "cell In[3] (#4 in the notebook) runs only in the kernel: it uses os from cell In[2] (#3 in the notebook), which runs only in the kernel; its widgets keep their saved state in the handout",
    ]);
  });

  it.runIf(haveChromium)(
    "keeps that widget static with a note, and makes the other live with its prints and plotly display under it",
    async () => {
      const page = await browser!.newPage({ viewport: { width: 1000, height: 800 } });
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.route("**/*", (route) => {
        if (/^(file|data|blob):/.test(route.request().url())) return route.continue();
        problems.push(route.request().url());
        return route.abort();
      });
      await page.goto(`file://${result!.handout}`);
      await page.waitForFunction(() => (window as unknown as { dslabLive?: { status: { state: string } } }).dslabLive?.status.state === "live", undefined, {
        timeout: 30_000,
      });
      const notes = await page.locator(".dslab-static-note").allTextContents();
      expect(notes).toEqual([
        expect.stringMatching(/^This widget shows its saved state only: cell In\[3\] .* runs only in the kernel: it uses os from cell In\[2\]/),
      ]);
      const live = page.locator(".output-widget").nth(1);
      await live.locator(".noUi-handle").focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => live.locator(".jp-OutputArea-output pre").allTextContents(), { timeout: 10_000 }).toEqual(["k is 5\n"]);
      await expect.poll(() => live.locator(".dslab-plotly-output.js-plotly-plot .gtitle").allTextContents(), { timeout: 10_000 }).toEqual(["k = 5"]);
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
