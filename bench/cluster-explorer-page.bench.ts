// The cluster explorer's view in Chromium: how many protocol events per second it draws, one
// animation frame per event (the page needs >= 60). The states are those of a recorded run with
// a leader crash; the view redraws each in full (servers, messages in flight, logs, event list).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { BROWSER_BUNDLE_OPTIONS } from "../scripts/build-frontend";
import { createTrace, replayTrace, type RaftInput } from "../src/consensus";

async function main(): Promise<void> {
  const trace = createTrace({ seed: 2, delayMs: [10, 30] });
  trace.inputs.push(
    ...Array.from({ length: 300 }, () => ({ type: "tick" }) as RaftInput),
    { type: "crash", server: 0 },
    { type: "clientRequest", command: "x=1" },
    ...Array.from({ length: 300 }, () => ({ type: "tick" }) as RaftInput),
  );
  const { states, events } = replayTrace(trace);
  const frames = states.map((cluster, i) => ({
    cluster,
    events: events
      .slice(Math.max(0, i - 14), i + 1)
      .flat()
      .slice(-14),
  }));
  const out = mkdtempSync(join(tmpdir(), "dslab-explorer-bench-"));
  await build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: [join(__dirname, "pages", "cluster-explorer-page.ts")], outdir: out, entryNames: "page" });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>`);
    await page.addScriptTag({ content: readFileSync(join(out, "page.js"), "utf8") });
    const {
      frames: n,
      seconds,
      syncSeconds,
    } = await page.evaluate(
      (f) => (window as unknown as { drawAll(s: unknown[]): Promise<{ frames: number; seconds: number; syncSeconds: number }> }).drawAll(f),
      frames,
    );
    console.log(
      `cluster explorer view in Chromium: ${(n / syncSeconds).toFixed(0)} states drawn per second back to back (${n} states of a run with a leader crash); ${(n / seconds).toFixed(0)} events/s at one event per animation frame (${(n / syncSeconds / 60).toFixed(1)}x the 60 events/s the issue asks)`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
