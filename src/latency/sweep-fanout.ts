import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkProbability, checkSeed } from "../validate";
import { simulateFanout } from "./simulate-fanout";

/** Options for sweepFanout. */
export interface SweepFanoutOptions {
  /** Fan-outs to try, one row each. Defaults to 1, 2, 5, 10, 20, 50, 100, 200, 500, 1,000, 2,000. */
  fanouts?: readonly number[];
  /** Probability that one server answers slowly. Defaults to 0.01. */
  slowProbability?: number;
  /** Requests simulated per fan-out. Defaults to 5,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** P(a request waits for a slow server) vs fan-out: closed form beside the simulation and its 95% interval. One row per fan-out. */
export function sweepFanout({
  fanouts = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
  slowProbability = 0.01,
  trials = 5_000,
  seed = 1,
}: SweepFanoutOptions = {}): Table {
  checkNonEmptyArray("fanouts", fanouts).forEach((n, i) => checkInteger(`fanouts[${i}]`, n, 1, 1_000_000));
  checkProbability("slowProbability", slowProbability);
  checkInteger("trials", trials, 1, 10_000_000);
  checkSeed(seed);
  return tableFromRows(
    fanouts.map((fanout, i) => {
      // A distinct stream per point, so the points' errors are independent.
      const sim = simulateFanout({ fanout, slowProbability, trials, seed: (seed + 7919 * (i + 1)) >>> 0 });
      return { fanout, closed_form: sim.closedForm, simulated: sim.estimate, lower: sim.lower, upper: sim.upper };
    }),
  );
}
