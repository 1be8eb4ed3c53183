import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// V8's optimization status bits (src/runtime/runtime.h): 16 "optimized" and 64 "TurboFan" (V8 11-13); 32 once optimized on V8 14 (Node.js 26). An unoptimized function has none of them.
const OPTIMIZED = 16 | 32 | 64;

describe("neverOptimize", () => {
  it("keeps V8 from optimizing the functions it is given, however hot, and only those", () => {
    // In a process of its own, where the test may read V8's status (natives syntax).
    const script = `
      const { neverOptimize } = require(${JSON.stringify(join(__dirname, "..", "..", "kernel-ext", "kernel", "never-optimize.ts"))});
      function kept(x) { return x * 2 + 1; }
      function free(x) { return x * 2 + 1; }
      const done = neverOptimize([kept, undefined, "not a function"]);
      let sum = 0;
      for (let i = 0; i < 3e6; i++) sum += kept(i) + free(i);
      // (Asking V8 to optimize a function marked so is a crash by design: only the control is asked.)
      %PrepareFunctionForOptimization(free);
      %OptimizeFunctionOnNextCall(free);
      free(1);
      console.log(JSON.stringify({ done, kept: %GetOptimizationStatus(kept), free: %GetOptimizationStatus(free) }));
    `;
    const child = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const status = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as { done: boolean; kept: number; free: number };
    expect(status.done).toBe(true);
    expect(status.free & OPTIMIZED).not.toBe(0);
    expect(status.kept & OPTIMIZED).toBe(0);
  });
});
