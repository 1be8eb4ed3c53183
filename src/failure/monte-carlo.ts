import { createRng, type Rng } from "../random";
import { proportionInterval, type Estimate } from "../stats";
import { checkInteger, checkNumber, checkProbability, checkSeed } from "../validate";
import type { Tier } from "./tiers";
import { seriesAvailability } from "./tiers";

/** A Monte Carlo estimate of a probability, with its Wilson interval. */
export interface ProbabilityEstimate extends Estimate {
  /** Trials run. */
  trials: number;
  /** Trials in which the event happened. */
  successes: number;
}

/** Options shared by the Monte Carlo estimators. */
export interface MonteCarloOptions {
  /** Independent trials, an integer ≥ 1. Defaults to 100,000. */
  trials?: number;
  /** Seed of the generator, an integer in [0, 2^32-1]. Defaults to 1. */
  seed?: number;
  /** Confidence level of the interval. Defaults to 0.95. */
  level?: number;
}

const TWO_POW_32 = 4294967296;

/**
 * P(uint32 < threshold) = p up to 2^-32: one integer draw and one compare per Bernoulli trial,
 * which is what makes tens of millions of node-trials per second possible.
 */
function threshold(p: number): number {
  return Math.min(TWO_POW_32, Math.round(p * TWO_POW_32));
}

/** Counts trials in which at least `atLeast` of n nodes fail, each failing with probability p. */
function countTrials(rng: Rng, trials: number, n: number, p: number, atLeast: number): number {
  const t = threshold(p);
  let hits = 0;
  for (let trial = 0; trial < trials; trial++) {
    let failed = 0;
    for (let node = 0; node < n; node++) if (rng.uint32() < t) failed++;
    if (failed >= atLeast) hits++;
  }
  return hits;
}

function checkMonteCarlo({ trials = 100_000, seed = 1, level = 0.95 }: MonteCarloOptions) {
  checkInteger("trials", trials, 1);
  checkSeed(seed);
  checkNumber("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  return { trials, seed, level };
}

/** Monte Carlo estimate of P(at least one of n nodes fails), each independently with probability p. */
export function simulateAnyFailure(options: { n: number; p: number } & MonteCarloOptions): ProbabilityEstimate {
  const { n, p } = options;
  checkInteger("n", n, 0);
  checkProbability("p", p);
  const { trials, seed, level } = checkMonteCarlo(options);
  const successes = countTrials(createRng(seed), trials, n, p, 1);
  return { ...proportionInterval(successes, trials, level), trials, successes };
}

/** Monte Carlo estimate of a k-of-n system's availability (at least k of n replicas up). */
export function simulateKOfN(options: { n: number; k?: number; availability: number } & MonteCarloOptions): ProbabilityEstimate {
  const { n, k = 1, availability } = options;
  checkInteger("n", n, 1);
  checkInteger("k", k, 1, n);
  checkProbability("availability", availability);
  const { trials, seed, level } = checkMonteCarlo(options);
  // "At least k up" is "at least k of n draws with probability a".
  const successes = countTrials(createRng(seed), trials, n, availability, k);
  return { ...proportionInterval(successes, trials, level), trials, successes };
}

/** Monte Carlo estimate of the availability of tiers in series (each a k-of-n set of replicas). */
export function simulateSeriesAvailability(tiers: readonly Tier[], options: MonteCarloOptions = {}): ProbabilityEstimate {
  const checked = seriesAvailability(tiers).tiers;
  const { trials, seed, level } = checkMonteCarlo(options);
  const rng = createRng(seed);
  const thresholds = checked.map((tier) => threshold(tier.availability));
  let successes = 0;
  for (let trial = 0; trial < trials; trial++) {
    let up = true;
    for (let i = 0; i < checked.length; i++) {
      let live = 0;
      for (let r = 0; r < checked[i].replicas; r++) if (rng.uint32() < thresholds[i]) live++;
      // Every replica is drawn even after a tier fails, so one trial always uses the same draws.
      if (live < checked[i].required) up = false;
    }
    if (up) successes++;
  }
  return { ...proportionInterval(successes, trials, level), trials, successes };
}

/** Runs `trials` × `n` Bernoulli(p) draws and returns how many came up true: the benchmark's kernel. */
export function countBernoulli(n: number, p: number, seed = 1): number {
  checkInteger("n", n, 0);
  checkProbability("p", p);
  checkSeed(seed);
  const rng = createRng(seed);
  const t = threshold(p);
  let hits = 0;
  for (let i = 0; i < n; i++) if (rng.uint32() < t) hits++;
  return hits;
}
