import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHandout } from "../../kernel-ext/handout";
import { escapeHtml } from "../../kernel-ext/handout/escape-html";
import { readNotebook, type Notebook } from "../../kernel-ext/notebook/nbformat";
import { runNotebook } from "../../kernel-ext/notebook/run-notebook";
import { CHROMIUM, chromiumAvailable } from "../helpers/browser";
import { kernelEnv } from "../helpers/jupyter";

const root = join(__dirname, "..", "..");
const haveChromium = chromiumAvailable();

// Every place a string from a student's file or a reader can reach HTML, each with a handler
// that would open a dialog. Numbers tell which one fired.
const markdown = [
  "# Untrusted strings",
  "",
  "<script>alert('markdown script')</script>",
  "",
  "<img src=x onerror=\"alert('markdown img')\">",
  "",
  '<svg onload="alert(\'markdown svg\')"><circle r="5"></circle></svg>',
  "",
  "<details open ontoggle=\"alert('markdown details')\"><summary>s</summary>x</details>",
  "",
  "<a id=\"js-link\" href=\"javascript:alert('markdown link')\">a link</a> and [another](javascript:alert('markdown md link'))",
  "",
  "## A heading <img src=x onerror=\"alert('heading')\">",
].join("\n");

const code = [
  [
    'import { tableFromRows } from "dslab";',
    'import { display } from "dslab/kernel";',
    'import { Dropdown, Figure, IntSlider, ToggleButtons, interact } from "dslab/widgets";',
    "const evil = (what: string) => `<img src=x onerror=\"alert('${what}')\">`;",
    'tableFromRows([{ [evil("table header")]: evil("table value"), ["<svg onload=alert(1)>"]: "<script>alert(2)</script>" }])',
  ],
  [
    'display({ data: [{ type: "scatter", x: [1, 2], y: [1, 2], name: evil("trace name") }], layout: { title: { text: evil("figure title") }, xaxis: { title: { text: evil("axis title") } } } });',
  ],
  [
    'display(new IntSlider({ description: evil("slider description") }));',
    'display(new Dropdown({ options: [evil("dropdown option"), "<b>b</b>"], description: evil("dropdown description") }));',
    'display(new ToggleButtons({ options: [evil("toggle option")], tooltips: [evil("toggle tooltip")] }));',
  ],
  [
    'interact(({ n }) => tableFromRows([{ [evil("interact table header")]: n }]), { n: { min: 1, max: 3, value: 2, description: evil("interact description") } });',
  ],
  ['new Figure({ data: [{ type: "bar", x: [evil("bar category")], y: [1] }], layout: { title: { text: evil("widget figure title") } } })'],
  // An author's own HTML output stays trusted, as in JupyterLab: its script runs.
  [
    'display({ [Symbol.for("Jupyter.display")]: () => ({ "text/html": "<p id=\\"author-html\\">author</p><script>document.body.dataset.authorScript = \\"ran\\";</script>", "text/plain": "author" }) });',
  ],
];

function notebookJson(): string {
  const cells = [
    { cell_type: "markdown", metadata: {}, source: markdown },
    ...code.map((lines) => ({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: lines.join("\n") })),
  ];
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "dslab", display_name: "dslab", language: "typescript" } }, cells });
}

let browser: Browser | undefined;
let status = "";
let handoutPage = "";
let fallbackPage = "";

/** What nbconvert's HTML export shows of each output: its text/html (tables, the static fallback of figures), else its text. */
function fallbackHtml(notebook: Notebook): string {
  const parts = notebook.cells
    .flatMap((cell) => cell.outputs ?? [])
    .map((output) => {
      const data = (output as { data?: Record<string, unknown> }).data ?? {};
      const html = data["text/html"];
      if (html !== undefined) return `<div class="output-html">${Array.isArray(html) ? html.join("") : String(html)}</div>`;
      return `<pre>${escapeHtml(String(data["text/plain"] ?? ""))}</pre>`;
    });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${parts.join("\n")}</body></html>`;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "dslab-untrusted-"));
  writeFileSync(join(dir, "untrusted.ipynb"), notebookJson());
  const run = await runNotebook(readNotebook(join(dir, "untrusted.ipynb")), { cwd: dir, env: kernelEnv(), timeoutSeconds: 120 });
  status = run.status;
  const bundle = join(root, "dist", "frontend", "handout-widgets");
  handoutPage = join(dir, "untrusted.html");
  writeFileSync(handoutPage, renderHandout(run.notebook, { scripts: [readFileSync(`${bundle}.js`, "utf8")], styles: [readFileSync(`${bundle}.css`, "utf8")] }));
  fallbackPage = join(dir, "fallback.html");
  writeFileSync(fallbackPage, fallbackHtml(run.notebook));
  mkdirSync(join(root, "test", "artifacts"), { recursive: true });
  if (haveChromium)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

async function openWatched(url: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser!.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(url);
  return { page, dialogs };
}

describe("untrusted strings in a notebook", () => {
  it("ran: the notebook executed with no error", () => {
    expect(status).toBe("ok");
  });

  it.runIf(haveChromium)(
    "open no dialog in the handout, show as text, and the author's own HTML output still runs",
    async () => {
      const { page, dialogs } = await openWatched(`file://${handoutPage}`);
      await page.waitForFunction(() => document.body.classList.contains("dslab-widgets-rendered"), undefined, { timeout: 30_000 });
      await page.locator(".dslab-figure svg.main-svg").first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      await page.getByText("a link").click({ timeout: 2000 });
      await page.hover(".output-figure .plotly-figure", { timeout: 2000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => ({
        headers: [...document.querySelectorAll(".output-html th")].map((th) => th.textContent),
        labels: [...document.querySelectorAll(".widget-label")].map((l) => l.textContent).filter((t) => t?.includes("<img")).length,
        authorScript: document.body.dataset.authorScript,
        authorHtml: document.querySelector("#author-html")?.textContent,
        linkHref: [...document.querySelectorAll("a")].find((a) => a.textContent === "a link")?.getAttribute("href"),
        table: document.querySelectorAll(".output-html table").length,
        handlers: document.querySelectorAll("img[onerror], svg[onload], [ontoggle]").length,
      }));
      await page.screenshot({ path: join(root, "test", "artifacts", "untrusted-strings-handout.png"), fullPage: true });
      expect(dialogs).toEqual([]);
      expect(seen.headers).toContain(`<img src=x onerror="alert('table header')">`);
      expect(seen.labels, "slider and dropdown descriptions shown as text").toBeGreaterThanOrEqual(2);
      expect(seen.authorScript).toBe("ran");
      expect(seen.authorHtml).toBe("author");
      expect(seen.linkHref, "the javascript: link lost its href").toBe(null);
      expect(seen.handlers).toBe(0);
      await page.close();
    },
    90_000,
  );

  it.runIf(haveChromium)(
    "open no dialog where outputs show as nbconvert shows them (tables and the figures' static HTML fallback)",
    async () => {
      const { page, dialogs } = await openWatched(`file://${fallbackPage}`);
      await page.locator(".dslab-plotly svg.main-svg").first().waitFor({ timeout: 20_000 });
      await page.hover(".dslab-plotly", { timeout: 2000 }).catch(() => undefined);
      await page.waitForTimeout(500);
      const titles = await page.evaluate(() => [...document.querySelectorAll(".dslab-plotly .gtitle")].map((t) => t.textContent));
      await page.close();
      expect(dialogs).toEqual([]);
      expect(titles.length).toBeGreaterThan(0);
    },
    60_000,
  );
});
