// What a kernel keeps for each cell that declares a name (issue 14, section 7): the code runner
// a kernel uses runs `count` cells `const vN = N;` and prints, every `step` cells, the heap
// after a full garbage collection, the process's RSS, and the median cell time of the step,
// then the same after 30 s idle, and the slope per 1,000 cells (part of `npm run bench`; alone:
//   node --import tsx bench/kernel-declarations.bench.ts [count] [step] [cell, N replaced by the
// index; default `const vN = N;`, a new name each time; `let v = N;` redeclares one name]).
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { createCodeRunner as CreateCodeRunner } from "../kernel-ext/kernel/code-runner";
import { providePatchedTypescript } from "../kernel-ext/kernel/patched-typescript";

const MB = 2 ** 20;

async function main(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const root = join(__dirname, "..");
  providePatchedTypescript(root);
  const { createCodeRunner } = require("../kernel-ext/kernel/code-runner") as { createCodeRunner: typeof CreateCodeRunner };
  const count = Number(process.argv[2] ?? 1000);
  const step = Number(process.argv[3] ?? 250);
  const template = process.argv[4] ?? "const vN = N;";
  const runner = createCodeRunner(join(root, "notebooks"));
  runner.warmUp();
  for (let i = 0; i < 20; i++) await runner.execute(`${-i}+2`, i);
  const sample = () => {
    gc();
    const usage = process.memoryUsage();
    return { heap: usage.heapUsed / MB, heapTotal: usage.heapTotal / MB, external: usage.external / MB, rss: usage.rss / MB };
  };
  const first = sample();
  console.log(`cells 0: heap ${first.heap.toFixed(1)} MB, RSS ${first.rss.toFixed(0)} MB`);
  let times: number[] = [];
  let last = first;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const r = await runner.execute(template.replaceAll("N", String(i)), 100 + i);
    times.push(performance.now() - t);
    if (r.status !== "ok") throw new Error(`cell ${i} failed: ${JSON.stringify(r)}`);
    if ((i + 1) % step === 0) {
      last = sample();
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
      console.log(
        `cells ${i + 1}: heap ${last.heap.toFixed(1)} MB (of ${last.heapTotal.toFixed(0)} MB committed), external ${last.external.toFixed(1)} MB, RSS ${last.rss.toFixed(0)} MB, median cell ${median.toFixed(1)} ms`,
      );
      times = [];
    }
  }
  // A kernel is idle between a reader's cells: V8's memory reducer then gives back heap it no longer needs.
  await new Promise((resolve) => setTimeout(resolve, 30_000));
  const idle = process.memoryUsage();
  console.log(
    `after 30 s idle: heap ${(idle.heapUsed / MB).toFixed(1)} MB (of ${(idle.heapTotal / MB).toFixed(0)} MB committed), RSS ${(idle.rss / MB).toFixed(0)} MB`,
  );
  const per1000 = (a: number, b: number) => (((b - a) / count) * 1000).toFixed(1);
  console.log(
    `"${template}": slope per 1,000 cells: heap +${per1000(first.heap, last.heap)} MB kept; RSS +${per1000(first.rss, last.rss)} MB while cells run back to back, ${per1000(first.rss, idle.rss / MB)} MB after 30 s idle`,
  );
}

main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
