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

const root = join(__dirname, "..", "..", "..");
const artifacts = join(root, "test", "artifacts");
const canRun = chromiumAvailable() && toolsAvailable("Debian's jupyter-server", hasPythonModules("jupyter_server"));
let server: JupyterServer | undefined;
let browser: Browser | undefined;
let pageJs = "";
let pageCss = "";

const CELL = ['import { ClusterExplorer } from "dslab/widgets";', "const explorer = new ClusterExplorer({ seed: 2, delayMs: [10, 30] });", "explorer"].join(
  "\n",
);

beforeAll(async () => {
  if (!canRun) return;
  const out = mkdtempSync(join(tmpdir(), "dslab-explorer-page-"));
  await build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: ["test/widgets/browser/live-page.ts"], outdir: out, entryNames: "live-page" });
  pageJs = readFileSync(join(out, "live-page.js"), "utf8");
  pageCss = readFileSync(join(out, "live-page.css"), "utf8");
  server = await startJupyterServer(kernelEnv(), join(root, "notebooks"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The servers as the view draws them: id, role (or "down") and term. */
function drawnServers(page: Page): Promise<{ id: number; role: string; term: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".dslab-raft-server")).map((g) => ({
      id: Number(g.getAttribute("data-server")),
      role: g.getAttribute("data-role")!,
      term: Number(g.getAttribute("data-term")),
    })),
  );
}

/** Clicks Step (waiting for each step to be drawn) until the drawn servers satisfy `done`. */
async function stepUntil(page: Page, done: (servers: { id: number; role: string; term: number }[]) => boolean, limit = 150): Promise<number> {
  for (let clicks = 0; clicks < limit; clicks++) {
    if (done(await drawnServers(page))) return clicks;
    const before = await page.locator(".dslab-raft-status").textContent();
    await page.locator(".dslab-raft-step").click();
    await page.waitForFunction((text) => document.querySelector(".dslab-raft-status")?.textContent !== text, before, { timeout: 10_000 });
  }
  throw new Error(`not reached in ${limit} steps: ${JSON.stringify(await drawnServers(page))}`);
}

describe.runIf(canRun)("the cluster explorer in Chromium against the live dslab kernel", () => {
  it("steps to a leader, crashes it with a click, and steps on until the view shows a new leader of a later term", async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${server!.url}/api/status?token=${server!.token}`);
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="padding: 24px"><div id="outputs"></div></body></html>`);
    await page.addStyleTag({ content: pageCss });
    await page.addScriptTag({ content: pageJs });
    const status = await page.evaluate((options) => (window as unknown as { dslabLive: { run(o: object): Promise<string> } }).dslabLive.run(options), {
      baseUrl: server!.url,
      token: server!.token,
      code: CELL,
    });
    expect(status).toBe("ok");
    await page.waitForSelector(".dslab-raft-server", { timeout: 30_000 });
    expect((await drawnServers(page)).map((s) => s.role)).toEqual(["follower", "follower", "follower", "follower", "follower"]);

    await stepUntil(page, (servers) => servers.some((s) => s.role === "leader"));
    const first = (await drawnServers(page)).find((s) => s.role === "leader")!;
    // A few more steps put heartbeats (AppendEntries) in flight.
    for (let i = 0; i < 4; i++) await stepUntil(page, () => false, 1).catch(() => undefined);
    await page.screenshot({ path: join(artifacts, "cluster-explorer-leader.png") });
    expect(await page.locator(".dslab-raft-status").textContent()).toContain(`leader S${first.id + 1} (term ${first.term})`);

    await page.locator(`.dslab-raft-server[data-server="${first.id}"]`).click();
    await page.waitForSelector(`.dslab-raft-server[data-server="${first.id}"][data-role="down"]`);
    expect(await page.locator(".dslab-raft-status").textContent()).toContain("no leader");

    await stepUntil(page, (servers) => servers.some((s) => s.role === "leader" && s.id !== first.id), 300);
    const second = (await drawnServers(page)).find((s) => s.role === "leader")!;
    await page.screenshot({ path: join(artifacts, "cluster-explorer-new-leader.png") });
    expect(second.term).toBeGreaterThan(first.term);
    expect(await page.locator(".dslab-raft-status").textContent()).toContain(`leader S${second.id + 1} (term ${second.term})`);
    expect(await page.locator(".dslab-raft-event").first().textContent()).toMatch(/leader of term|follows|heartbeat|AppendEntries|vote/);
    expect(problems).toEqual([]);
  }, 180_000);
});
