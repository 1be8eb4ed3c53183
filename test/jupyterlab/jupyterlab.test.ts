// The JupyterLab route, end to end: a JupyterLab 4 application built from JupyterLab's own npm
// packages (build-lab.ts), the prebuilt dslab extension loaded from its labextension folder as a
// federated extension, Debian's jupyter-server with the dslab kernelspec, and Chromium doing what
// a student does: open each chapter, Run All, move a slider, restart and run again, save.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installKernelspec } from "../../kernel-ext/kernelspec";
import { CHROMIUM } from "../helpers/browser";
import { hasPythonModules, toolsAvailable } from "../helpers/jupyter";
import { LAB_VERSIONS, buildLab } from "./build-lab";
import { type LabServer, startLab } from "./lab-server";

const root = join(__dirname, "..", "..");
const notebooks = readdirSync(join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort();
const available = toolsAvailable("jupyter-server and chromium", hasPythonModules("jupyter_server") && existsSync(CHROMIUM));

/**
 * How the page is polled for a condition: on a timer. Playwright's default polls on animation
 * frames, and a tab showing only JupyterLab's launcher (the notebook closed) drew none for a
 * minute while the condition held.
 */
const POLL = { polling: 200, timeout: 60_000 };

/** What a notebook shows after a run, read from JupyterLab's own notebook model and DOM. */
interface RunReport {
  ran: boolean;
  kernel: string;
  toolbarKernel: string;
  codeCells: number;
  unexecuted: number[];
  errors: string[];
  plotlyOutputs: number;
  plotlyRendered: number;
  widgetOutputs: number;
  widgetsRendered: number;
  figureViews: number;
  figureViewsDrawn: number;
  widgetErrors: number;
}

type App = {
  restored: Promise<void>;
  commands: { execute(id: string, args?: object): Promise<unknown> };
  shell: { currentWidget: Panel | null };
  hasPlugin(id: string): boolean;
};
type Panel = {
  node: HTMLElement;
  context: { path: string };
  sessionContext: { ready: Promise<void>; kernelDisplayName: string; session: { kernel: { status: string } | null } | null; shutdown(): Promise<void> };
  content: {
    model: {
      cells: Iterable<{
        type: string;
        toJSON(): { execution_count?: number | null; outputs?: { output_type: string; ename?: string; evalue?: string; data?: Record<string, unknown> }[] };
      }>;
    };
  };
};

/** Reads the current notebook's state in the page (runs in the browser). */
function report(ran: boolean): RunReport {
  const app = (window as unknown as { jupyterapp: App }).jupyterapp;
  const panel = app.shell.currentWidget!;
  const cells = [...panel.content.model.cells].map((c) => ({ type: c.type, json: c.toJSON() }));
  const code = cells.filter((c) => c.type === "code");
  const outputs = code.flatMap((c) => c.json.outputs ?? []);
  const node = panel.node;
  const figureViews = [...node.querySelectorAll(".dslab-figure")];
  return {
    ran,
    kernel: panel.sessionContext.kernelDisplayName,
    toolbarKernel: node.querySelector(".jp-KernelName")?.textContent?.trim() ?? "",
    codeCells: code.length,
    unexecuted: code.flatMap((c, i) => (c.json.execution_count == null ? [i] : [])),
    errors: outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`),
    plotlyOutputs: outputs.filter((o) => o.data?.["application/vnd.plotly.v1+json"]).length,
    // Drawn by dslab's renderer (its class), by plotly.js (its SVG).
    plotlyRendered: [...node.querySelectorAll(".dslab-plotly-output.js-plotly-plot")].filter((p) => p.querySelector(".main-svg")).length,
    widgetOutputs: outputs.filter((o) => o.data?.["application/vnd.jupyter.widget-view+json"]).length,
    widgetsRendered: node.querySelectorAll(".jp-OutputArea-output > .jupyter-widgets").length,
    figureViews: figureViews.length,
    figureViewsDrawn: figureViews.filter((f) =>
      f.querySelector(".js-plotly-plot .main-svg .trace, .js-plotly-plot .main-svg .point, .js-plotly-plot .main-svg path"),
    ).length,
    widgetErrors: (node.textContent ?? "").split("Error displaying widget").length - 1,
  };
}

async function waitForRun(page: Page, run: Promise<unknown>): Promise<RunReport> {
  const ran = Boolean(await run);
  // Widget views and plots draw after the last reply: wait until every output has rendered.
  await page
    .waitForFunction(
      () => {
        const panel = (window as unknown as { jupyterapp: App }).jupyterapp.shell.currentWidget!;
        const outputs = [...panel.content.model.cells].flatMap((c) => c.toJSON().outputs ?? []);
        const views = outputs.filter((o) => o.data?.["application/vnd.jupyter.widget-view+json"]).length;
        return (
          panel.sessionContext.session?.kernel?.status === "idle" &&
          panel.node.querySelectorAll(".jp-OutputArea-output > .jupyter-widgets").length >= views &&
          [...panel.node.querySelectorAll(".dslab-figure")].every((f) => f.querySelector(".main-svg"))
        );
      },
      undefined,
      POLL,
    )
    .catch(async () => {
      // Said, not failed: the counts below are what the test checks. What was still pending tells a slow run from a stuck one.
      const pending = await page.evaluate(() => {
        const panel = (window as unknown as { jupyterapp: App }).jupyterapp.shell.currentWidget!;
        const outputs = [...panel.content.model.cells].flatMap((c) => c.toJSON().outputs ?? []);
        return {
          kernel: panel.sessionContext.session?.kernel?.status,
          widgetViews: outputs.filter((o) => o.data?.["application/vnd.jupyter.widget-view+json"]).length,
          widgetsRendered: panel.node.querySelectorAll(".jp-OutputArea-output > .jupyter-widgets").length,
          figuresWithoutPlot: [...panel.node.querySelectorAll(".dslab-figure")].filter((f) => !f.querySelector(".main-svg")).length,
        };
      });
      console.log(`outputs not all drawn 60 s after the run: ${JSON.stringify(pending)}`);
    });
  // A VBox draws its children (an interact's Figure) after the box itself: wait until what is
  // drawn stops changing (three checks a second apart) before reading the notebook.
  let last = "";
  for (let stable = 0, i = 0; stable < 3 && i < 60; i++) {
    const now = JSON.stringify(await page.evaluate(report, ran));
    stable = now === last ? stable + 1 : 0;
    last = now;
    await page.waitForTimeout(1000);
  }
  return page.evaluate(report, ran);
}

describe.runIf(available).each(LAB_VERSIONS)("dslab in JupyterLab %s (built from its npm packages, Debian's jupyter-server, Chromium)", (version) => {
  let lab: LabServer;
  let browser: Browser;
  let page: Page;
  let serverRoot: string;
  const pageErrors: string[] = [];
  const artifacts = join(root, "test", "artifacts", "jupyterlab", version);

  beforeAll(async () => {
    execFileSync("npm", ["run", "--silent", "build:labextension"], { cwd: root, stdio: "pipe" });
    const build = await buildLab(version);
    console.log(
      `JupyterLab ${version}: npm ci ${build.installSeconds.toFixed(1)} s, webpack ${build.buildSeconds.toFixed(1)} s${build.buildSeconds === 0 ? " (cached)" : ""}`,
    );
    // The kernelspec and the extension installed into one prefix, as a hub would (--prefix).
    const prefix = mkdtempSync(join(tmpdir(), "dslab-lab-prefix-"));
    installKernelspec({ kind: "prefix", prefix });
    execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "lab", "install", "--prefix", prefix], { stdio: "pipe" });
    serverRoot = mkdtempSync(join(tmpdir(), "dslab-lab-root-"));
    cpSync(join(root, "notebooks"), join(serverRoot, "notebooks"), { recursive: true });
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab(build, {
      root: serverRoot,
      jupyterPath: join(prefix, "share", "jupyter"),
      settings: {
        // No news pop-up over the notebook; every cell in the DOM, so that every output can be checked.
        "@jupyterlab/apputils-extension:notification": '{ "fetchNews": "false" }',
        "@jupyterlab/notebook-extension:tracker": '{ "windowingMode": "none" }',
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    page = await openLab();
  }, 900_000);

  /** A new browser tab on JupyterLab with an empty workspace, restored and ready. */
  async function openLab(): Promise<Page> {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // A step that cannot happen (a control hidden behind a dialog, say) fails in a minute, not at
    // the test's timeout with every later test waiting behind it.
    tab.setDefaultTimeout(60_000);
    tab.on("pageerror", (e) => pageErrors.push(String(e)));
    // ?reset: without it the tab reopens the last tab's notebooks, and closing one the widget
    // manager has marked changed waits on a "Save your work" dialog.
    await tab.goto(`${lab.url}/lab?reset`);
    await tab.waitForFunction(() => (window as unknown as { jupyterapp?: App }).jupyterapp, undefined, { ...POLL, timeout: 120_000 });
    await tab.evaluate(() => (window as unknown as { jupyterapp: App }).jupyterapp.restored);
    return tab;
  }

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  }, 30_000);

  it("loads dslab-jupyterlab from its labextension folder as a federated extension (widget plugin and plotly renderer)", async () => {
    const loaded = await page.evaluate(() => {
      const app = (window as unknown as { jupyterapp: App }).jupyterapp;
      const config = JSON.parse(document.getElementById("jupyter-config-data")!.textContent!) as { federated_extensions: { name: string }[] };
      return {
        listed: config.federated_extensions.map((e) => e.name),
        widgets: app.hasPlugin("dslab-jupyterlab:widgets"),
        container: Boolean((window as unknown as { _JUPYTERLAB: Record<string, unknown> })._JUPYTERLAB["dslab-jupyterlab"]),
      };
    });
    expect(loaded).toEqual({ listed: ["dslab-jupyterlab"], widgets: true, container: true });
    expect(lab.unanswered).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The in-memory APIs JupyterLab asked for are those README lists.
    const documented = ["/lab/api/settings", "/lab/api/workspaces", "/lab/api/translations", "/lab/api/themes", "/lab/api/news", "/lab/api/update", "/api/me"];
    expect([...lab.served].map((s) => s.split(" ")[1]).filter((p) => !documented.includes(p))).toEqual([]);
    expect([...lab.served]).toContain("GET /lab/api/settings");
  });

  it.each(notebooks)(
    "%s: Run All with TypeScript (dslab) ends every cell without error, every figure and widget renders; a slider redraws its Figure through the kernel; after a restart it runs again; saving keeps the widget state",
    async (name) => {
      const path = `notebooks/${name}`;
      // A step that takes over 10 s is said with its time (they take 1-5 s here).
      let lapStart = Date.now();
      const lap = (step: string) => {
        const seconds = (Date.now() - lapStart) / 1000;
        if (seconds > 10) console.log(`JupyterLab ${version}, ${name}: ${step} took ${seconds.toFixed(1)} s`);
        lapStart = Date.now();
      };
      // Each notebook in a fresh tab, as a student opening it would: seven chapters of figures and
      // widgets in one tab grew the renderer until it stalled (seen once in CI, on 06 in 4.6.4).
      // A tab that stopped answering is closed all the same (closing does not wait for its page).
      await page.close({ runBeforeUnload: false });
      page = await openLab();
      await page.evaluate(async (p) => {
        const app = (window as unknown as { jupyterapp: App }).jupyterapp;
        await app.commands.execute("application:close-all");
        await app.commands.execute("docmanager:open", { path: p, factory: "Notebook" });
        await app.shell.currentWidget!.sessionContext.ready;
      }, path);
      const first = await waitForRun(
        page,
        page.evaluate(() => (window as unknown as { jupyterapp: App }).jupyterapp.commands.execute("notebook:run-all-cells")),
      );
      lap("open and Run All");
      await page.screenshot({ path: join(artifacts, `${name}-top.png`) });
      expect(first.kernel).toBe("TypeScript (dslab)");
      expect(first.toolbarKernel).toBe("TypeScript (dslab)");
      expect(first.errors).toEqual([]);
      expect(first.unexecuted).toEqual([]);
      expect(first.ran).toBe(true);
      expect(first.plotlyRendered).toBe(first.plotlyOutputs);
      expect(first.widgetOutputs).toBeGreaterThan(0);
      expect(first.widgetsRendered).toBe(first.widgetOutputs);
      expect(first.figureViews).toBeGreaterThan(0);
      expect(first.figureViewsDrawn).toBe(first.figureViews);
      expect(first.widgetErrors).toBe(0);

      // A slider in an interact over a Figure: move it with the keyboard and wait for the redraw.
      const panelId = await page.evaluate(
        () => (window as unknown as { jupyterapp: { shell: { currentWidget: { id: string } } } }).jupyterapp.shell.currentWidget.id,
      );
      const output = page
        .locator(`[id="${panelId}"] .jp-OutputArea-output`)
        .filter({ has: page.locator(".dslab-figure") })
        .filter({ has: page.locator(".noUi-handle") })
        .first();
      const handle = output.locator(".noUi-handle").first();
      await handle.scrollIntoViewIfNeeded();
      const figureData = () =>
        output
          .locator(".dslab-figure-plot")
          .first()
          .evaluate((plot) => JSON.stringify((plot as HTMLElement & { data?: unknown }).data));
      const readout = () => output.locator(".widget-readout").first().textContent();
      const [dataBefore, readoutBefore] = [await figureData(), await readout()];
      await handle.focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await expect.poll(readout, { timeout: 10_000 }).not.toBe(readoutBefore);
      await expect.poll(figureData, { timeout: 30_000 }).not.toBe(dataBefore);
      lap("slider redraw");
      await output.screenshot({ path: join(artifacts, `${name}-slider.png`) });

      // Kernel > Restart Kernel…, confirmed in JupyterLab's dialog, then Run All again.
      const restart = page.evaluate(() => (window as unknown as { jupyterapp: App }).jupyterapp.commands.execute("notebook:restart-kernel"));
      await page.locator(".jp-Dialog .jp-mod-accept").click();
      await restart;
      await page.waitForFunction(
        () => (window as unknown as { jupyterapp: App }).jupyterapp.shell.currentWidget!.sessionContext.session?.kernel?.status === "idle",
        undefined,
        POLL,
      );
      const rerun = page.evaluate(() => (window as unknown as { jupyterapp: App }).jupyterapp.commands.execute("notebook:run-all-cells"));
      const second = await waitForRun(page, rerun);
      lap("restart and Run All");
      expect(second.errors).toEqual([]);
      expect(second.unexecuted).toEqual([]);
      expect(second.ran).toBe(true);
      expect(second.widgetsRendered).toBe(second.widgetOutputs);
      expect(second.figureViews).toBe(first.figureViews);
      expect(second.figureViewsDrawn).toBe(second.figureViews);
      expect(second.plotlyRendered).toBe(second.plotlyOutputs);

      // Settings > Save Widget State Automatically, then File > Save: the widget state is in the file.
      await page.evaluate(async () => {
        const app = (window as unknown as { jupyterapp: App }).jupyterapp as App & { commands: { isToggled(id: string): boolean } };
        const id = "@jupyter-widgets/jupyterlab-manager:saveWidgetState";
        if (!app.commands.isToggled(id)) await app.commands.execute(id);
      });
      await expect.poll(() => lab.settings.get("@jupyter-widgets/jupyterlab-manager:plugin") ?? "").toMatch(/"saveState":\s*true/);
      const slider = output.locator(".noUi-handle").first();
      const readoutAfterRestart = await readout();
      await slider.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(readout, { timeout: 10_000 }).not.toBe(readoutAfterRestart);
      const sliderValue = await readout();
      await page.evaluate(() => (window as unknown as { jupyterapp: App }).jupyterapp.commands.execute("docmanager:save"));
      const saved = JSON.parse(readFileSync(join(serverRoot, path), "utf8")) as {
        metadata: { widgets?: Record<string, { state: Record<string, { model_name: string; state: { value?: unknown } }> }> };
      };
      const state = saved.metadata.widgets?.["application/vnd.jupyter.widget-state+json"]?.state ?? {};
      const models = Object.values(state);
      expect(models.filter((m) => m.model_name === "FigureModel").length).toBe(first.figureViews);
      // The moved slider's value, within the precision its readout shows.
      const shown = Number(sliderValue);
      const precision = 10 ** -(String(sliderValue).split(".")[1] ?? "").length;
      expect(
        models.some((m) => /SliderModel$/.test(m.model_name) && Math.abs(Number(m.state.value) - shown) <= precision / 2 + 1e-12),
        `a slider at ${sliderValue} in ${JSON.stringify(models.filter((m) => /SliderModel$/.test(m.model_name)).map((m) => m.state.value))}`,
      ).toBe(true);

      lap("save");
      await page.screenshot({ path: join(artifacts, `${name}-saved.png`) });
      await page.evaluate(() => (window as unknown as { jupyterapp: App }).jupyterapp.shell.currentWidget!.sessionContext.shutdown());
      lap("kernel shutdown");
      // The tab is not closed here: the next notebook opens in a new tab, and this one goes with
      // its page. (Closing the notebook after the shutdown took 1.1-1.6 s on an idle machine but
      // froze 4.6.4's tab for 26 s to over 2 minutes with both cores busy, as in CI; cause not found.)
      expect(lab.unanswered).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    300_000,
  );
});
