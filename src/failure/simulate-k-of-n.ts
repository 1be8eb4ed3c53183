import { createRng } from "../random";
import { proportionInterval } from "../stats";
import { bernoulliThreshold, countGroups } from "./count-bernoulli";
import { kOfNAvailability, type KOfNOptions } from "./k-of-n-availability";
import { checkMonteCarloOptions, type MonteCarloOptions, type ProbabilityEstimate } from "./monte-carlo-options";

/** Options for simulateKOfN: the replica set and the Monte Carlo settings. */
export type SimulateKOfNOptions = KOfNOptions & MonteCarloOptions;

/**
 * Monte Carlo estimate of a k-of-n system's availability (at least k of n replicas up, each
 * independently with probability `availability`), with a Wilson interval and the binomial closed form.
 */
export function simulateKOfN(options: SimulateKOfNOptions): ProbabilityEstimate {
  const { n, k = 1, availability } = options;
  const closedForm = kOfNAvailability({ n, k, availability });
  const { trials, seed, level } = checkMonteCarloOptions(options);
  // "At least k up" is "at least k of n draws succeed", each with probability a.
  const successes = countGroups(createRng(seed), trials, n, bernoulliThreshold(availability), k);
  return { ...proportionInterval(successes, trials, level), trials, successes, closedForm };
}
