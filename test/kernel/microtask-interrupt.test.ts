import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import { kernelEnv } from "../helpers/jupyter";

// A loop of microtasks never returns to the event loop, where SIGINT is handled (issue 14, section 2).
// .ci/run runs this file on every Node.js it tests: what happens depends on the version.
const env = kernelEnv();
const major = Number(process.versions.node.split(".")[0]);
const MARK_STARTED = 'require("node:fs").writeFileSync("started", "");\n';

async function until(what: string, fn: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A kernel running `while (true) await null`, interrupted once the cell has started; what the run came to and when. */
async function interruptMicrotaskLoop(kernel: KernelClient, dir: string) {
  const running = executeCell(kernel, `${MARK_STARTED}let turns = 0;\nwhile (true) { await null; turns++; }`, { timeoutMs: 600_000 });
  await until("the cell to run", () => existsSync(join(dir, "started")), 30_000);
  const interruptedAt = Date.now();
  await kernel.request("control", "interrupt_request", {}, { timeoutMs: 5000 });
  const run = await running;
  return { run, seconds: (Date.now() - interruptedAt) / 1000 };
}

describe("a cell stuck in a loop of microtasks (`while (true) await null`)", () => {
  // One test whose expectation depends on the version, so that no run reports a skipped test.
  it(`on Node.js ${major}: ${major >= 24 ? "is stopped by an interrupt within 2 s, and the kernel runs the next cell" : "cannot be broken (20 and 22 abort on V8's termination): the kernel says so and ends, so that it can be restarted, and the client reports it"}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-microtasks-"));
    const kernel = await KernelClient.launch({ kernelName: "dslab", cwd: dir, env });
    try {
      const { run, seconds } = await interruptMicrotaskLoop(kernel, dir);
      if (major >= 24) {
        expect(run.status).toBe("error");
        expect(run.outputs[0]).toMatchObject({ output_type: "error", evalue: expect.stringMatching(/Interrupted/) });
        expect(seconds).toBeLessThan(2.5);
        const next = await executeCell(kernel, "console.log('after'); 6 * 7", { timeoutMs: 30_000 });
        expect(next.status).toBe("ok");
        expect(next.outputs).toMatchObject([{ text: "after\n" }, { data: { "text/plain": "42" } }]);
        expect(kernel.process!.exitCode).toBeNull();
      } else {
        expect(run.status).toBe("dead");
        expect(run.outputs[0]).toMatchObject({ ename: "DeadKernelError", evalue: "the kernel died (signal SIGTERM) while running this cell" });
        expect(kernel.stderr).toContain("the cell did not stop within 5 s of the interrupt");
      }
      expect(kernel.stderr).not.toMatch(/Assertion failed|terminate called/);
    } finally {
      await kernel.dispose();
    }
  }, 60_000);
});
