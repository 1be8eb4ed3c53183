// In-process cost of a kernel cell, without sockets: the code runner a kernel uses (with the
// patched TypeScript, as the kernel loads it) runs warm-up cells, then `count` new cells `N+1`,
// and prints per-cell p50/p99/mean in ms. For before/after comparisons of the runner's own work
// (run it under --cpu-prof to see where a cell's time goes):
//   node --import tsx bench/kernel-cells.ts [count] [cell template, N replaced by the index]
import { join } from "node:path";
import type { createCodeRunner as CreateCodeRunner } from "../kernel-ext/kernel/code-runner";
import { providePatchedTypescript } from "../kernel-ext/kernel/patched-typescript";
import { holdSigintWatchdog } from "../kernel-ext/kernel/sigint-watchdog";

async function main(): Promise<void> {
  const root = join(__dirname, "..");
  const patched = providePatchedTypescript(root);
  // Required only now: the code runner loads TypeScript, which must be the patched one.
  const { createCodeRunner } = require("../kernel-ext/kernel/code-runner") as { createCodeRunner: typeof CreateCodeRunner };
  const count = Number(process.argv[2] ?? 200);
  const template = process.argv[3] ?? "N+1";
  // As a kernel does (start-kernel.ts): cells' scripts then start no watchdog thread of their own.
  holdSigintWatchdog();
  const runner = createCodeRunner(join(root, "notebooks"));
  runner.warmUp();
  for (let i = 0; i < 20; i++) await runner.execute(`${-i}+2`, i);
  const times: number[] = [];
  // CPU time of each batch of 10 cells: on a loaded machine the least disturbed batches (the
  // lowest quartile) move far less than wall-clock quantiles.
  const batches: number[] = [];
  let batch = process.cpuUsage();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const r = await runner.execute(template.replaceAll("N", String(1000 + i)), 100 + i);
    times.push(performance.now() - t);
    if (r.status !== "ok") throw new Error(`cell ${i} failed: ${JSON.stringify(r)}`);
    if ((i + 1) % 10 === 0) {
      const used = process.cpuUsage(batch);
      batches.push((used.user + used.system) / 1000 / 10);
      batch = process.cpuUsage();
    }
  }
  const lowBatch = [...batches].sort((a, b) => a - b)[Math.floor(batches.length / 4)];
  const used = process.cpuUsage(cpu);
  const cpuPerCell = (used.user + used.system) / 1000 / count;
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${count} cells "${template}" (patched TypeScript: ${patched}): p50 ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, mean ${mean.toFixed(3)} ms; CPU time ${cpuPerCell.toFixed(3)} ms a cell (lowest quartile of 10-cell batches ${lowBatch.toFixed(3)} ms); RSS at the end ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
}

main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
