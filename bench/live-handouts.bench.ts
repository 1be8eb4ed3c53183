// Live handouts in Chromium (file://, network blocked): how long from the reader's first touch
// of a widget until the page is live (the in-page kernel unpacked, started, the cells run, the
// saved widgets bound), and, per widget, from a change (a key on a slider, a choice, typed text)
// to the figure redrawn (plotly_afterplot). Targets: first live < 1 s, recompute p50 <= 100 ms
// and p99 <= 250 ms. Reported, not asserted. LIVE_BENCH_SAMPLES sets the changes per widget (20),
// LIVE_BENCH_ONLY picks handouts by name.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { buildHandouts } from "../kernel-ext/handout/build-handouts";
import { installKernelspec } from "../kernel-ext/kernelspec";
import { NUMBER_AND_CHOICE_CONTROLS } from "../test/handout/reader-controls";

const root = join(__dirname, "..");
const SAMPLES = Number(process.env.LIVE_BENCH_SAMPLES ?? 20);
const COLD_STARTS = 3;
const CONTROLS = new Set(NUMBER_AND_CHOICE_CONTROLS);
type Saved = Record<string, { state: Record<string, unknown> }>;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function controls(saved: Saved): { control: string; name: string; label: string }[] {
  const out: { control: string; name: string; label: string }[] = [];
  let box = 0;
  for (const model of Object.values(saved)) {
    const ids = ((model.state.children as string[] | undefined) ?? []).map((c) => c.replace(/^IPY_MODEL_/, ""));
    const own = ids.filter((id) => CONTROLS.has(String(saved[id]?.state._model_name)));
    if (own.length > 0) box++;
    for (const id of own) out.push({ control: id, name: String(saved[id].state._model_name), label: `widget ${box}: ${String(saved[id].state.description)}` });
  }
  return out;
}

async function open(page: Page, file: string): Promise<void> {
  await page.route("**/*", (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.addInitScript(() => ((window as { dslabLiveOnTouch?: boolean }).dslabLiveOnTouch = true));
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => document.body.classList.contains("dslab-widgets-rendered"));
}

/** Tags the first view of a model with data-bench-model and returns its selector. */
async function mark(page: Page, id: string): Promise<string> {
  await page.evaluate(async (modelId) => {
    const live = (window as unknown as { dslabLive: { manager: { get_model(id: string): Promise<{ views: Record<string, Promise<{ el: HTMLElement }>> }> } } })
      .dslabLive;
    const view = await Object.values((await live.manager.get_model(modelId)).views)[0];
    view.el.setAttribute("data-bench-model", modelId);
  }, id);
  return `[data-bench-model="${id}"]`;
}

async function change(page: Page, selector: string, name: string, i: number): Promise<void> {
  const el = page.locator(selector);
  if (name.endsWith("SliderModel")) {
    const handle = el.locator(".noUi-handle").first();
    await handle.focus();
    const atMax = (await handle.getAttribute("aria-valuenow")) === (await handle.getAttribute("aria-valuemax"));
    await page.keyboard.press(i % 2 === 0 && !atMax ? "ArrowRight" : "ArrowLeft");
  } else if (name === "DropdownModel") {
    const select = el.locator("select");
    const count = await select.locator("option").count();
    await select.selectOption({ index: (i + 1) % count });
  } else {
    const input = el.locator("input");
    await input.fill(String(0.1 + (i + 1) * 0.7));
    await input.press("Enter");
  }
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "dslab-live-bench-"));
  const prefix = mkdtempSync(join(tmpdir(), "dslab-live-bench-prefix-"));
  installKernelspec({ kind: "prefix", prefix });
  const results = await buildHandouts({
    notebooksDir: join(root, "notebooks"),
    outDir,
    bundle: { js: join(root, "dist", "frontend", "handout-widgets.js"), css: join(root, "dist", "frontend", "handout-widgets.css") },
    kernel: join(root, "dist", "frontend", "handout-kernel.js"),
    env: { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter") },
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  console.log(`Live handouts in Chromium, file://, network blocked; ${COLD_STARTS} cold starts per handout, ${SAMPLES} changes per widget.\n`);
  const heavy: string[] = [];
  try {
    for (const r of results) {
      const name = r.handout.split("/").pop()!;
      // LIVE_BENCH_ONLY=06 measures the handouts whose name contains it.
      if (process.env.LIVE_BENCH_ONLY && !name.includes(process.env.LIVE_BENCH_ONLY)) continue;
      const html = readFileSync(r.handout, "utf8");
      const saved = (JSON.parse(html.match(/<script type="application\/vnd\.jupyter\.widget-state\+json">([\s\S]*?)<\/script>/)![1]) as { state: Saved }).state;
      const firstLive: number[] = [];
      const cells: number[] = [];
      for (let k = 0; k < COLD_STARTS; k++) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await open(page, r.handout);
        await page.locator(".output-widget .noUi-handle, .output-widget select, .output-widget input").first().focus();
        await page.keyboard.press("ArrowRight");
        const status = await page
          .waitForFunction(
            () => {
              const s = (window as unknown as { dslabLive: { status: { state: string; startedAt: number; liveAt: number; cellsMs: number } } }).dslabLive
                .status;
              return s.state === "live" || s.state === "failed" ? s : false;
            },
            undefined,
            { timeout: 60_000 },
          )
          .then((h) => h.jsonValue() as Promise<{ state: string; startedAt: number; liveAt: number; cellsMs: number }>);
        firstLive.push(status.liveAt - status.startedAt);
        cells.push(status.cellsMs);
        await page.close();
      }
      firstLive.sort((a, b) => a - b);
      console.log(
        `${name}  ${(r.bytes / 1e6).toFixed(2)} MB  first touch -> live: median ${firstLive[1].toFixed(0)} ms (runs ${firstLive.map((t) => t.toFixed(0)).join(", ")}; cells and first runs in the worker ${cells.map((t) => t.toFixed(0)).join(", ")} ms)`,
      );
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await open(page, r.handout);
      await page.evaluate(() => (window as unknown as { dslabLive: { start(): Promise<unknown> } }).dslabLive.start());
      for (const c of controls(saved)) {
        const selector = await mark(page, c.control);
        // The figure drawn in the same output as the control.
        const figure = `${selector}-figure`;
        await page.evaluate((sel) => {
          const plot = document.querySelector(sel)!.closest(".output-widget")!.querySelector(".dslab-figure-plot") as HTMLElement & {
            on(event: string, fn: () => void): void;
          };
          const w = window as unknown as { benchDraws: Map<string, number[]>; benchInput: number };
          w.benchDraws ??= new Map();
          if (!w.benchDraws.has(`${sel}-figure`)) {
            sel = `${sel}-figure`;
            w.benchDraws.set(sel, []);
            plot.on("plotly_afterplot", () => w.benchDraws.get(sel)!.push(performance.now()));
          }
          if (!(window as unknown as { benchListening?: boolean }).benchListening) {
            (window as unknown as { benchListening?: boolean }).benchListening = true;
            for (const type of ["keydown", "change", "input"]) document.addEventListener(type, () => (w.benchInput = performance.now()), true);
          }
        }, selector);
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const before = await page.evaluate((sel) => (window as unknown as { benchDraws: Map<string, number[]> }).benchDraws.get(sel)!.length, figure);
          await change(page, selector, c.name, i);
          const ms = await page
            .waitForFunction(
              ({ sel, n }) => {
                const w = window as unknown as { benchDraws: Map<string, number[]>; benchInput: number };
                const draws = w.benchDraws.get(sel)!;
                return draws.length > n ? draws[draws.length - 1] - w.benchInput : false;
              },
              { sel: figure, n: before },
              // A change that leaves the figure as it was (a slider step onto the same node) draws nothing: not a sample.
              { timeout: 5_000 },
            )
            .then((h) => h.jsonValue() as Promise<number>)
            .catch(() => Number.NaN);
          if (Number.isFinite(ms)) times.push(ms);
          await page.waitForTimeout(30);
        }
        times.sort((a, b) => a - b);
        if (times.length === 0) {
          console.log(`  ${c.label.padEnd(36)} none of ${SAMPLES} one-step changes redrew the figure (each left it as it was)`);
          continue;
        }
        const p50 = quantile(times, 0.5);
        const p99 = quantile(times, 0.99);
        const unchanged = SAMPLES - times.length;
        const flag = p50 > 100 || p99 > 250 ? "  ABOVE TARGET" : "";
        if (flag) heavy.push(`${name}: ${c.label} p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`);
        console.log(
          `  ${c.label.padEnd(36)} recompute p50 ${p50.toFixed(0).padStart(4)} ms  p99 ${p99.toFixed(0).padStart(4)} ms  (${times.length} changes${unchanged ? `, ${unchanged} left the figure as it was` : ""})${flag}`,
        );
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(heavy.length ? `\nWidgets above the recompute target:\n  ${heavy.join("\n  ")}` : "\nEvery widget within the recompute target.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
