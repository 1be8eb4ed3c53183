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

const PAXOS_CELL = [
  'import { PaxosExplorer } from "dslab/widgets";',
  "const paxos = new PaxosExplorer({ seed: 2026, delayMs: [10, 30], retryMs: [10, 40], staggerMs: 5 });",
  "paxos",
].join("\n");

type Drawn = { id: number; role: string; term: number; phase: string | null };

/** The servers (Raft) or nodes (Paxos) as the view draws them: id, role (or "down"), term or ballot, a proposer's phase. */
function drawnServers(page: Page): Promise<Drawn[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".dslab-raft-server")).map((g) => ({
      id: Number(g.getAttribute("data-server")),
      role: g.getAttribute("data-role")!,
      term: Number(g.getAttribute("data-term")),
      phase: g.getAttribute("data-phase"),
    })),
  );
}

/** A page that has run `code` in the live kernel and drawn its explorer. */
async function openExplorer(code: string, problems: string[]): Promise<Page> {
  const page = await openLivePage({ browser: browser!, server: server!, pageJs, pageCss, code, viewport: { width: 1000, height: 900 }, problems });
  await page.waitForSelector(".dslab-raft-server", { timeout: 30_000 });
  return page;
}

/** Clicks Step (waiting for each step to be drawn) until the drawn servers satisfy `done`. */
async function stepUntil(page: Page, done: (servers: Drawn[]) => boolean, limit = 150): Promise<number> {
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
    const problems: string[] = [];
    const page = await openExplorer(CELL, problems);
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

  it("draws Paxos in the same view: steps a duel until a value is chosen, then a clicked acceptor crashes and the chosen value stays", async () => {
    const problems: string[] = [];
    const page = await openExplorer(PAXOS_CELL, problems);
    const start = await drawnServers(page);
    expect(start.map((s) => s.role)).toEqual(["acceptor", "acceptor", "acceptor", "proposer", "proposer"]);
    expect(start.filter((s) => s.role === "proposer").map((s) => s.phase)).toEqual(["idle", "idle"]);
    expect(await page.locator(".dslab-raft-legend").textContent()).toContain("Prepare");
    expect(await page.locator(".dslab-raft-partition").textContent()).toBe("Partition proposer");

    await stepUntil(page, (nodes) => nodes.some((n) => n.phase === "prepare"));
    expect(await page.locator(".dslab-paxos-Prepare").count()).toBeGreaterThan(0);
    await stepUntil(page, (nodes) => nodes.some((n) => n.phase === "done"), 200);
    const status = (await page.locator(".dslab-raft-status").textContent())!;
    const chosen = /chosen: (v\d) \(ballot (\d+)/.exec(status);
    expect(chosen, status).not.toBeNull();
    await page.screenshot({ path: join(artifacts, "paxos-explorer-chosen.png") });
    expect(await page.locator(".dslab-paxos-chosen").textContent()).toContain(`chosen: ${chosen![1]}`);
    const winner = (await drawnServers(page)).find((n) => n.phase === "done")!;
    expect(winner.term).toBe(Number(chosen![2]));

    await page.locator('.dslab-raft-server[data-server="0"]').click();
    await page.waitForSelector('.dslab-raft-server[data-server="0"][data-role="down"]');
    await page.locator(".dslab-raft-client").click();
    await stepUntil(page, (nodes) => nodes.filter((n) => n.role === "proposer").every((n) => n.phase === "done"), 200);
    expect(await page.locator(".dslab-raft-status").textContent()).toContain(`chosen: ${chosen![1]} (ballot ${chosen![2]}`);
    expect(await page.locator(".dslab-raft-event").first().textContent()).toMatch(/learns|Accept|accepts/);
    expect(problems).toEqual([]);
  }, 180_000);
});
