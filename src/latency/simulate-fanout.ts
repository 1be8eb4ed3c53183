import { createRng } from "../random";
import { proportionInterval, type Estimate } from "../stats";
import { checkInteger, checkNumber, checkPositive, checkProbability, checkSeed } from "../validate";
import { fanoutSlowProbability } from "./fanout-slow-probability";

/** Options for simulateFanout. */
export interface FanoutOptions {
  /** Servers a request fans out to. Defaults to 100. */
  fanout?: number;
  /** Probability that one server answers slowly. Defaults to 0.01. */
  slowProbability?: number;
  /** A fast answer, ms. Defaults to 10. */
  fastMs?: number;
  /** A slow answer, ms. Defaults to 1,000. */
  slowMs?: number;
  /** Requests simulated. Defaults to 10,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
  /** Confidence level of the interval. Defaults to 0.95. */
  level?: number;
}

/** The simulated fraction of slow requests with its Wilson interval, beside the closed form. */
export interface FanoutEstimate extends Estimate {
  /** 1 - (1 - q)^n, from fanoutSlowProbability. */
  closedForm: number;
  /** Requests simulated. */
  trials: number;
  /** Mean request latency in milliseconds: fastMs, or slowMs when any server was slow. */
  meanMs: number;
}

/**
 * The paper's fan-out example simulated: each request waits for its slowest server, which
 * answers in fastMs or, with probability slowProbability, in slowMs. Returns the fraction of
 * requests that took slowMs, with its interval, beside the closed form.
 */
export function simulateFanout({
  fanout = 100,
  slowProbability = 0.01,
  fastMs = 10,
  slowMs = 1000,
  trials = 10_000,
  seed = 1,
  level = 0.95,
}: FanoutOptions = {}): FanoutEstimate {
  checkInteger("fanout", fanout, 1, 1_000_000);
  checkProbability("slowProbability", slowProbability);
  checkPositive("fastMs", fastMs);
  checkNumber("slowMs", slowMs, { min: fastMs, minOpen: true });
  checkInteger("trials", trials, 1, 10_000_000);
  checkSeed(seed);
  checkNumber("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const rng = createRng(seed);
  // Compare 32-bit integers with q·2^32: an exact Bernoulli(q) up to 2^-32, and fast.
  const threshold = Math.round(slowProbability * 4294967296);
  let slow = 0;
  for (let t = 0; t < trials; t++) {
    for (let s = 0; s < fanout; s++) {
      if (rng.uint32() < threshold) {
        slow++;
        // The request is already slow; the remaining servers cannot make it slower.
        break;
      }
    }
  }
  const interval = proportionInterval(slow, trials, level);
  return { ...interval, closedForm: fanoutSlowProbability({ fanout, slowProbability }), trials, meanMs: fastMs + interval.estimate * (slowMs - fastMs) };
}
