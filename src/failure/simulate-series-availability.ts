import { createRng } from "../random";
import { proportionInterval } from "../stats";
import { bernoulliThreshold } from "./count-bernoulli";
import { checkMonteCarloOptions, type MonteCarloOptions, type ProbabilityEstimate } from "./monte-carlo-options";
import { seriesAvailability, type Tier } from "./series-availability";

/**
 * Monte Carlo estimate of the availability of tiers in series, each a k-of-n set of replicas:
 * each trial draws every replica of every tier and counts the trial as up when every tier has
 * its `required` replicas up. Wilson interval, with seriesAvailability's product beside it.
 */
export function simulateSeriesAvailability(tiers: readonly Tier[], options: MonteCarloOptions = {}): ProbabilityEstimate {
  const exact = seriesAvailability(tiers);
  const { trials, seed, level } = checkMonteCarloOptions(options);
  const next = createRng(seed).uint32;
  const count = exact.tiers.length;
  const replicas = Int32Array.from(exact.tiers, (t) => t.replicas);
  const required = Int32Array.from(exact.tiers, (t) => t.required);
  const thresholds = Float64Array.from(exact.tiers, (t) => bernoulliThreshold(t.availability));
  let successes = 0;
  for (let trial = 0; trial < trials; trial++) {
    let up = 1;
    for (let i = 0; i < count; i++) {
      let live = 0;
      const t = thresholds[i];
      for (let r = replicas[i]; r > 0; r--) if (next() < t) live++;
      // Every replica is drawn even after a tier fails, so a trial always uses the same number of draws.
      if (live < required[i]) up = 0;
    }
    successes += up;
  }
  return { ...proportionInterval(successes, trials, level), trials, successes, closedForm: exact.availability };
}
