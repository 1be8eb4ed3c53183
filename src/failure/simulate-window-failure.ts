import { createRng, exponential } from "../random";
import { proportionInterval } from "../stats";
import { checkInteger } from "../validate";
import { anyFailureProbability } from "./any-failure-probability";
import { checkMonteCarloOptions, type MonteCarloOptions, type ProbabilityEstimate } from "./monte-carlo-options";
import { DAYS_PER_YEAR, windowFailureProbability, type WindowFailureOptions } from "./window-failure-probability";

/** Options for simulateWindowFailure: the cluster, its annual failure rate, the window and the Monte Carlo settings. */
export type SimulateWindowFailureOptions = WindowFailureOptions &
  MonteCarloOptions & {
    /** Number of nodes, an integer ≥ 0. Defaults to 1. */
    n?: number;
  };

/**
 * Monte Carlo estimate of P(at least one of n nodes fails within `days`), drawing each node's
 * lifetime from the exponential distribution the constant-hazard model assumes (rate -ln(1 - afr)
 * per year) rather than a Bernoulli draw, so the test of the closed form
 * 1 - (1 - afr)^(n·days/365) also tests the model's derivation.
 */
export function simulateWindowFailure(options: SimulateWindowFailureOptions): ProbabilityEstimate {
  const { afr, days = 1, n = 1 } = options;
  const p = windowFailureProbability({ afr, days });
  checkInteger("n", n, 0);
  const closedForm = anyFailureProbability({ n, p });
  const { trials, seed, level } = checkMonteCarloOptions(options);
  const rate = -Math.log1p(-afr);
  const years = days / DAYS_PER_YEAR;
  let successes = 0;
  if (rate > 0) {
    const lifetime = exponential(createRng(seed), rate);
    for (let trial = 0; trial < trials; trial++) {
      for (let node = 0; node < n; node++) {
        if (lifetime() < years) {
          successes++;
          break;
        }
      }
    }
  }
  return { ...proportionInterval(successes, trials, level), trials, successes, closedForm };
}
