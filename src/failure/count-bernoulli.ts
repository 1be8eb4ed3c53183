import { createRng, type Rng } from "../random";
import { checkInteger, checkProbability, checkSeed } from "../validate";

const TWO_POW_32 = 4294967296;

/**
 * The uint32 threshold t with P(uint32 < t) = p, exact to 2^-33: a Bernoulli(p) trial becomes one
 * integer draw and one compare, no float conversion, which is what makes tens of millions of
 * node-trials per second possible. p = 1 gives 2^32, which every uint32 is below.
 */
export function bernoulliThreshold(p: number): number {
  return Math.min(TWO_POW_32, Math.round(p * TWO_POW_32));
}

/**
 * The Monte Carlo inner loop: runs `trials` groups of up to n Bernoulli draws against `threshold`
 * and counts the groups in which at least `atLeast` (≥ 1) draws came up true. No allocation per draw.
 */
export function countGroups(rng: Rng, trials: number, n: number, threshold: number, atLeast: number): number {
  const next = rng.uint32;
  let hits = 0;
  for (let trial = 0; trial < trials; trial++) {
    let count = 0;
    // A group stops drawing once it reaches `atLeast`: later draws cannot change its outcome, and a
    // 100,000-node cluster at p = 1% then costs about 100 draws a trial instead of 100,000.
    for (let i = 0; i < n; i++) if (next() < threshold && ++count === atLeast) break;
    if (count >= atLeast) hits++;
  }
  return hits;
}

/** Runs n Bernoulli(p) draws from a seeded generator and returns how many came up true (the benchmark's kernel). */
export function countBernoulli(n: number, p: number, seed = 1): number {
  checkInteger("n", n, 0);
  checkProbability("p", p);
  checkSeed(seed);
  const next = createRng(seed).uint32;
  const threshold = bernoulliThreshold(p);
  let hits = 0;
  for (let i = 0; i < n; i++) if (next() < threshold) hits++;
  return hits;
}
