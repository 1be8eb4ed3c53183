import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("holdSigintWatchdog", () => {
  it("keeps SIGINT breaking a cell's loop and records one that stops nothing, with or without a cell's own SIGINT listener", () => {
    const child = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "held-watchdog-child.ts")], { encoding: "utf8", timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}");
    expect(report).toEqual({
      held: true,
      loopBroken: "ERR_SCRIPT_EXECUTION_INTERRUPTED",
      pendingAfterLoop: false,
      idlePending: true,
      idlePendingTakenOnce: false,
      loopBrokenWithListener: "ERR_SCRIPT_EXECUTION_INTERRUPTED",
      listenerHeard: 1,
      loopBrokenAfterListener: "ERR_SCRIPT_EXECUTION_INTERRUPTED",
      idlePendingAfterListener: true,
    });
  }, 60_000);
});
