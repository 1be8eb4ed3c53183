// Monte Carlo: Bernoulli trials per second of the failure simulator's inner loop (one uint32
// compare per trial) beside a naive baseline (an object per node, a float draw and compare).
import { failure } from "../src";
import { createRng } from "../src/random";

function naiveCount(n: number, p: number, seed: number): number {
  const rng = createRng(seed);
  const nodes = Array.from({ length: 1000 }, (_, id) => ({ id, failed: false }));
  let hits = 0;
  for (let done = 0; done < n; done += nodes.length) {
    for (const node of nodes) {
      node.failed = rng.random() < p;
      if (node.failed) hits++;
    }
  }
  return hits;
}

const trials = 50_000_000;
const rows = ["| run | trials/s | naive trials/s | ratio |", "|---|---|---|---|"];
for (let run = 1; run <= 3; run++) {
  let start = performance.now();
  failure.countBernoulli(trials, 0.01, run);
  const fast = trials / ((performance.now() - start) / 1000);
  start = performance.now();
  naiveCount(trials / 5, 0.01, run);
  const naive = trials / 5 / ((performance.now() - start) / 1000);
  rows.push(`| ${run} | ${Math.round(fast).toLocaleString("en")} | ${Math.round(naive).toLocaleString("en")} | ${(fast / naive).toFixed(1)}x |`);
}
console.log(rows.join("\n"));
