// Monte Carlo throughput of chapter 01: Bernoulli (node-)trials per second of simulateAnyFailure's
// inner loop (one uint32 draw and one compare against a precomputed threshold, no allocation)
// beside a naive baseline measured in the same run (an array of node objects per trial, one
// float draw and a float compare per node). Target from issue 2: ≥ 50,000,000 trials/s on one core.
import { anyFailureProbability, countBernoulli, simulateAnyFailure } from "../src/failure";
import { createRng } from "../src/random";

const n = 1000;
const p = 0.001;

/** The straightforward way: model each node as an object, draw a float for each, look for a failure. */
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

const fastTrials = 50_000; // × 1,000 nodes = 5·10^7 Bernoulli trials
const naiveTrials = 5_000; // × 1,000 nodes = 5·10^6
simulateAnyFailure({ n, p, trials: 1000, seed: 99 });
naiveAnyFailure(200, 99);
countBernoulli(1_000_000, p, 99);

const fmt = (x: number) => Math.round(x).toLocaleString("en");
const rows = ["| run | simulateAnyFailure trials/s | countBernoulli trials/s | naive trials/s | ratio (simulateAnyFailure / naive) |", "|---|---|---|---|---|"];
const estimates: string[] = [];
for (let run = 1; run <= 3; run++) {
  const fast = timed(() => simulateAnyFailure({ n, p, trials: fastTrials, seed: run }));
  const flat = timed(() => countBernoulli(fastTrials * n, p, run));
  const naive = timed(() => naiveAnyFailure(naiveTrials, run));
  const fastRate = (fastTrials * n) / fast.seconds;
  const naiveRate = (naiveTrials * n) / naive.seconds;
  rows.push(`| ${run} | ${fmt(fastRate)} | ${fmt((fastTrials * n) / flat.seconds)} | ${fmt(naiveRate)} | ${(fastRate / naiveRate).toFixed(1)}x |`);
  estimates.push(`run ${run}: fast ${fast.value.estimate.toFixed(4)} [${fast.value.lower.toFixed(4)}, ${fast.value.upper.toFixed(4)}], naive ${(naive.value / naiveTrials).toFixed(4)}`);
}
console.log(`P(any of ${n} nodes fails), p = ${p}: closed form ${anyFailureProbability({ n, p }).toFixed(4)}; ${fastTrials.toLocaleString("en")} trials (fast), ${naiveTrials.toLocaleString("en")} (naive), each × ${n} nodes.\n`);
console.log(rows.join("\n"));
console.log(`\n${estimates.join("\n")}`);
