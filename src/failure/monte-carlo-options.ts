import type { Estimate } from "../stats";
import { checkInteger, checkNumber, checkSeed } from "../validate";

/** A Monte Carlo estimate of a probability, with its Wilson interval and the closed form beside it. */
export interface ProbabilityEstimate extends Estimate {
  /** Trials run. */
  trials: number;
  /** Trials in which the event happened. */
  successes: number;
  /** The exact value from the closed form, to compare with the interval. */
  closedForm: number;
}

/** Options shared by the Monte Carlo estimators. */
export interface MonteCarloOptions {
  /** Independent trials, an integer ≥ 1. Defaults to 10,000 (a 95% interval at most ±0.01 wide). */
  trials?: number;
  /** Seed of the generator, an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
  /** Confidence level of the Wilson interval, in (0, 1). Defaults to 0.95. */
  level?: number;
}

/** Checks the shared Monte Carlo options and fills in their defaults. */
export function checkMonteCarloOptions({ trials = 10_000, seed = 1, level = 0.95 }: MonteCarloOptions): Required<MonteCarloOptions> {
  checkInteger("trials", trials, 1);
  checkSeed(seed);
  checkNumber("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  return { trials, seed, level };
}
