// The cluster explorer's view in Chromium: how many protocol events per second it draws, one
// animation frame per event (the page needs >= 60). The states are those of recorded runs: Raft
// with a leader crash, Paxos with a duel, an acceptor crash and a client's request; the view
// redraws each in full (nodes, messages in flight, logs or the acceptors' table, event list).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { BROWSER_BUNDLE_OPTIONS } from "../scripts/build-frontend";
import { createPaxosTrace, createTrace, replayPaxosTrace, replayTrace, type RaftEvent, type RaftInput } from "../src/consensus";

/** 300 events, a crash of node 0 and a client's request, 300 more events. */
function scenario(): RaftInput[] {
  const ticks = () => Array.from({ length: 300 }, () => ({ type: "tick" }) as RaftInput);
  return [...ticks(), { type: "crash", server: 0 }, { type: "clientRequest", command: "x=1" }, ...ticks()];
}

/** Each state with the 14 latest events, as the widget sends them. */
function framesOf(states: unknown[], events: RaftEvent[][]) {
  return states.map((cluster, i) => ({
    cluster,
    events: events
      .slice(Math.max(0, i - 14), i + 1)
      .flat()
      .slice(-14),
  }));
}

async function main(): Promise<void> {
  const raft = createTrace({ seed: 2, delayMs: [10, 30] });
  raft.inputs.push(...scenario());
  const raftRun = replayTrace(raft);
  const paxos = createPaxosTrace({ seed: 2, delayMs: [10, 30], retryMs: [10, 40], proposers: 3, acceptors: 5 });
  paxos.inputs.push(...scenario());
  const paxosRun = replayPaxosTrace(paxos);
  const out = mkdtempSync(join(tmpdir(), "dslab-explorer-bench-"));
  await build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: [join(__dirname, "pages", "cluster-explorer-page.ts")], outdir: out, entryNames: "page" });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    for (const [protocol, frames, what] of [
      ["raft", framesOf(raftRun.states, raftRun.events), "Raft, a leader crash"],
      ["paxos", framesOf(paxosRun.states, paxosRun.events), "Paxos, 3 proposers and 5 acceptors, an acceptor crash"],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>`);
      await page.addScriptTag({ content: readFileSync(join(out, "page.js"), "utf8") });
      const {
        frames: n,
        seconds,
        syncSeconds,
      } = await page.evaluate(
        ([f, p]) =>
          (window as unknown as { drawAll(s: unknown[], p: string): Promise<{ frames: number; seconds: number; syncSeconds: number }> }).drawAll(f, p),
        [frames, protocol] as const,
      );
      console.log(
        `cluster explorer view in Chromium (${what}): ${(n / syncSeconds).toFixed(0)} states drawn per second back to back (${n} states); ${(n / seconds).toFixed(0)} events/s at one event per animation frame (${(n / syncSeconds / 60).toFixed(1)}x the 60 events/s the issue asks)`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
