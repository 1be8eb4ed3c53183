import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import { HEAP_ALARM_FRACTION } from "../../kernel-ext/kernel/heap-guard";
import { kernelEnv } from "../helpers/jupyter";

// Issue 14, section 5: out of memory, the cell gets an error and the kernel lives on. .ci/run runs
// this file on every Node.js it tests: V8's young generation, inside its heap limit, differs by version.
const env = kernelEnv();
const notebooks = join(__dirname, "..", "..", "notebooks");

describe("a cell that fills the heap", () => {
  /** A kernelspec like dslab's with V8's heap limited to `mb`, as a user would set it in kernel.json's argv. */
  function smallHeapKernel(mb: number): string {
    const kernels = join(env.JUPYTER_PATH!, "kernels");
    const spec = JSON.parse(readFileSync(join(kernels, "dslab", "kernel.json"), "utf8")) as { argv: string[] };
    spec.argv.splice(1, 0, `--max-old-space-size=${mb}`);
    const name = `dslab-heap-${mb}`;
    mkdirSync(join(kernels, name), { recursive: true });
    writeFileSync(join(kernels, name, "kernel.json"), JSON.stringify(spec));
    return name;
  }

  it("is stopped with a MemoryError before V8's limit, and the kernel goes on (again for a second such cell, and one that awaits)", async () => {
    const own = await KernelClient.launch({ kernelName: smallHeapKernel(384), cwd: notebooks, env });
    try {
      // (Not `kept.push(new Array(1000).fill(0))`: on Node.js 26 V8 serves no interrupt in that
      // loop, SIGINT included, so nothing can stop it before V8's own out-of-memory abort.)
      const row = "const row: number[] = [];\n  for (let i = 0; i < 1000; i++) row.push(i);\n  kept.push(row);";
      const fill = `const kept: number[][] = [];\nwhile (true) {\n  ${row}\n}`;
      // The same between awaits: no script runs when the alarm comes, the interrupt rejects the await.
      const fillAsync = `const kept: number[][] = [];\nwhile (true) {\n  for (let j = 0; j < 2000; j++) {\n    ${row}\n  }\n  await new Promise((r) => setTimeout(r, 0));\n}`;
      for (const [attempt, code] of [fill, fill, fillAsync].entries()) {
        const run = await executeCell(own, code, { timeoutMs: 120_000 });
        expect(run.status, `attempt ${attempt}: ${own.stderr.slice(-500)}`).toBe("error");
        const reply = run.reply!.content as { ename: string; evalue: string };
        expect(reply.ename).toBe("MemoryError");
        expect(reply.evalue).toMatch(/heap reached \d+ MB of Node\.js's \d+ MB limit/);
        const [used, limit] = reply.evalue.match(/\d+/g)!.map(Number);
        expect(limit).toBe(384);
        // In whole MB, rounded: 85% of 384 MB is 326.4 MB, which may read as 326.
        expect(used).toBeGreaterThanOrEqual(Math.floor(HEAP_ALARM_FRACTION * limit));
        expect(used).toBeLessThan(limit);
        expect(run.outputs).toMatchObject([{ output_type: "error", ename: "MemoryError" }]);
        const after = await executeCell(own, "1 + 1");
        expect(after.status).toBe("ok");
      }
      expect(own.process!.exitCode).toBeNull();
    } finally {
      await own.dispose();
    }
  }, 300_000);
});
