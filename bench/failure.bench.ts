// Monte Carlo throughput of chapter 01, each figure beside a naive baseline measured in the same run.
// 1. Bernoulli trials per second of the inner loop (countBernoulli: one uint32 draw and one compare
//    against a precomputed threshold, no allocation) vs the naive loop (an array of node objects,
//    one float draw and one float compare per node). Target from issue 2: ≥ 50,000,000/s on one core.
// 2. Simulated clusters per second of simulateAnyFailure (same loop, which also stops drawing once
//    a node has failed) vs the naive simulation (every node drawn into a fresh array of objects).
import { anyFailureProbability, countBernoulli, simulateAnyFailure } from "../src/failure";
import { createRng } from "../src/random";

const n = 1000;
const p = 0.001;

/** The straightforward simulation: a fresh array of node objects per trial, a float draw per node. */
function naiveAnyFailure(trials: number, seed: number): number {
  const rng = createRng(seed);
  let hits = 0;
  for (let trial = 0; trial < trials; trial++) {
    const nodes = Array.from({ length: n }, (_, id) => ({ id, failed: rng.random() < p }));
    if (nodes.some((node) => node.failed)) hits++;
  }
  return hits;
}

function timed<T>(run: () => T): { seconds: number; value: T } {
  const start = performance.now();
  const value = run();
  return { seconds: (performance.now() - start) / 1000, value };
}

const draws = 50_000_000;
const clusters = 100_000;
const naiveClusters = 5_000; // × 1,000 nodes = 5·10^6 naive Bernoulli trials
countBernoulli(1_000_000, p, 99);
simulateAnyFailure({ n, p, trials: 1000, seed: 99 });
naiveAnyFailure(200, 99);

const fmt = (x: number) => Math.round(x).toLocaleString("en");
const rows = [
  "| run | inner loop Bernoulli trials/s | naive Bernoulli trials/s | ratio | simulateAnyFailure clusters/s | naive clusters/s | ratio |",
  "|---|---|---|---|---|---|---|",
];
const estimates: string[] = [];
for (let run = 1; run <= 3; run++) {
  const inner = timed(() => countBernoulli(draws, p, run));
  const fast = timed(() => simulateAnyFailure({ n, p, trials: clusters, seed: run }));
  const naive = timed(() => naiveAnyFailure(naiveClusters, run));
  const innerRate = draws / inner.seconds;
  const naiveDrawRate = (naiveClusters * n) / naive.seconds;
  const fastClusters = clusters / fast.seconds;
  const naiveClusterRate = naiveClusters / naive.seconds;
  rows.push(
    `| ${run} | ${fmt(innerRate)} | ${fmt(naiveDrawRate)} | ${(innerRate / naiveDrawRate).toFixed(1)}x | ${fmt(fastClusters)} | ${fmt(naiveClusterRate)} | ${(fastClusters / naiveClusterRate).toFixed(1)}x |`,
  );
  estimates.push(
    `run ${run}: simulateAnyFailure ${fast.value.estimate.toFixed(4)} [${fast.value.lower.toFixed(4)}, ${fast.value.upper.toFixed(4)}], naive ${(naive.value / naiveClusters).toFixed(4)}`,
  );
}
console.log(
  `${fmt(draws)} inner-loop draws per run; P(any of ${fmt(n)} nodes fails) at p = ${p}, closed form ${anyFailureProbability({ n, p }).toFixed(4)}: ${fmt(clusters)} clusters (simulateAnyFailure), ${fmt(naiveClusters)} (naive).\n`,
);
console.log(rows.join("\n"));
console.log(`\n${estimates.join("\n")}`);
