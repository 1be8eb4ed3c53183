import { createRng } from "../random";
import { proportionInterval } from "../stats";
import { anyFailureProbability, type AnyFailureOptions } from "./any-failure-probability";
import { bernoulliThreshold, countGroups } from "./count-bernoulli";
import { checkMonteCarloOptions, type MonteCarloOptions, type ProbabilityEstimate } from "./monte-carlo-options";

/** Options for simulateAnyFailure: the cluster and the Monte Carlo settings. */
export type SimulateAnyFailureOptions = AnyFailureOptions & MonteCarloOptions;

/**
 * Monte Carlo estimate of P(at least one of n nodes fails), each independently with probability
 * p: `trials` clusters of n draws, with a Wilson interval and the closed form 1 - (1 - p)^n beside it.
 */
export function simulateAnyFailure(options: SimulateAnyFailureOptions): ProbabilityEstimate {
  const { n, p } = options;
  const closedForm = anyFailureProbability({ n, p });
  const { trials, seed, level } = checkMonteCarloOptions(options);
  const successes = countGroups(createRng(seed), trials, n, bernoulliThreshold(p), 1);
  return { ...proportionInterval(successes, trials, level), trials, successes, closedForm };
}
