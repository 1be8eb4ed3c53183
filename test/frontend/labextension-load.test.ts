import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { BROWSER_BUNDLE_OPTIONS } from "../../scripts/build-frontend";
import { CHROMIUM, chromiumAvailable } from "../helpers/browser";

const root = join(__dirname, "..", "..");
const built = join(root, "dist", "labextension");
const haveChromium = chromiumAvailable();
let hostJs = "";

beforeAll(async () => {
  execFileSync("npm", ["run", "--silent", "build:labextension"], { cwd: root, stdio: "pipe" });
  const out = mkdtempSync(join(tmpdir(), "dslab-lab-host-"));
  await build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: ["test/frontend/lab-host.ts"], outdir: out, entryNames: "lab-host" });
  hostJs = readFileSync(join(out, "lab-host.js"), "utf8");
}, 180_000);

describe.runIf(haveChromium)("the prebuilt extension loaded the way JupyterLab 4 loads it (module federation)", () => {
  it("registers module dslab 0.1.0 with the widget registry, with views built on the shared @jupyter-widgets/base, and renders plotly outputs", async () => {
    const { load } = JSON.parse(readFileSync(join(built, "package.json"), "utf8")).jupyterlab._build;
    const dir = mkdtempSync(join(tmpdir(), "dslab-lab-page-"));
    writeFileSync(join(dir, "host.js"), hostJs);
    writeFileSync(
      join(dir, "page.html"),
      `<!doctype html><html><body><div id="out" style="width:600px;height:400px"></div><script src="host.js"></script><script src="file://${join(built, load)}"></script></body></html>`,
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`file://${join(dir, "page.html")}`);
      const seen = await page.evaluate(async () => {
        type Container = { init(scope: object): Promise<void>; get(name: string): Promise<() => { default: unknown }> };
        const host = (
          window as unknown as {
            labHost: { base: { IJupyterWidgetRegistry: unknown; DOMWidgetView: abstract new (...args: never[]) => unknown }; shareScope: object };
          }
        ).labHost;
        const container = (window as unknown as { _JUPYTERLAB: Record<string, Container> })._JUPYTERLAB["dslab-jupyterlab"];
        await container.init(host.shareScope);
        const plugin = (await container.get("./extension"))().default as { id: string; requires: unknown[]; activate(app: unknown, registry: unknown): void };
        const registered: { name: string; version: string; exports: Record<string, { prototype: object }> }[] = [];
        plugin.activate({}, { registerWidget: (w: (typeof registered)[number]) => registered.push(w) });
        const mime = (await container.get("./mimeExtension"))().default as {
          rendererFactory: { mimeTypes: string[]; createRenderer(o: object): { node: HTMLElement; renderModel(m: object): Promise<void> } };
        };
        const renderer = mime.rendererFactory.createRenderer({});
        document.getElementById("out")!.append(renderer.node);
        await renderer.renderModel({
          data: { "application/vnd.plotly.v1+json": { data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }], layout: { title: { text: "mime" } } } },
        });
        return {
          requiresRegistry: plugin.requires[0] === host.base.IJupyterWidgetRegistry,
          registered: registered.map((r) => ({ name: r.name, version: r.version, exports: Object.keys(r.exports).sort() })),
          sharedBase:
            registered[0]?.exports.FigureView.prototype instanceof host.base.DOMWidgetView &&
            registered[0]?.exports.ClusterExplorerView.prototype instanceof host.base.DOMWidgetView,
          mimeTypes: mime.rendererFactory.mimeTypes,
          bars: renderer.node.querySelectorAll(".barlayer .point").length,
        };
      });
      expect(errors).toEqual([]);
      expect(seen).toEqual({
        requiresRegistry: true,
        registered: [{ name: "dslab", version: "0.1.0", exports: ["ClusterExplorerModel", "ClusterExplorerView", "FigureModel", "FigureView"] }],
        sharedBase: true,
        mimeTypes: ["application/vnd.plotly.v1+json"],
        bars: 2,
      });
    } finally {
      await browser.close();
    }
  }, 90_000);
});
