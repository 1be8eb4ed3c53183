import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNumber, checkProbability, checkSeed } from "../validate";
import { anyFailureProbability } from "./any-failure-probability";
import { decades } from "./decades";
import { deriveSeed } from "./derive-seed";
import { simulateAnyFailure } from "./simulate-any-failure";

/** Options for sweepClusterSize. */
export interface ClusterSizeSweep {
  /** Cluster sizes, integers ≥ 0. Defaults to 1, 2, 5, 10, ..., 10,000. */
  ns?: readonly number[];
  /** Per-node failure probabilities within the window, in [0, 1]. Defaults to 0.001, 0.01, 0.05. */
  ps?: readonly number[];
  /** Monte Carlo trials per point, an integer ≥ 0; 0 skips the simulation (estimate, lower, upper are NaN). Defaults to 2,000. */
  trials?: number;
  /** Seed, an integer in [0, 2^32 - 1]; each point draws from a stream hashed from (seed, p, n). Defaults to 1. */
  seed?: number;
  /** Confidence level of the intervals, in (0, 1). Defaults to 0.95. */
  level?: number;
}

/**
 * P(at least one node fails) vs cluster size, for several per-node probabilities: the closed
 * form 1 - (1 - p)^n and a Monte Carlo estimate with its Wilson interval. One row per (p, n),
 * columns p, n, closed_form, estimate, lower, upper, trials, level.
 */
export function sweepClusterSize({ ns = decades(10_000), ps = [0.001, 0.01, 0.05], trials = 2_000, seed = 1, level = 0.95 }: ClusterSizeSweep = {}): Table {
  checkNonEmptyArray<number>("ns", ns).forEach((n, i) => checkInteger(`ns[${i}]`, n, 0));
  checkNonEmptyArray<number>("ps", ps).forEach((p, i) => checkProbability(`ps[${i}]`, p));
  checkInteger("trials", trials, 0);
  checkSeed(seed);
  checkNumber("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const rows = [];
  for (const p of ps) {
    for (const n of ns) {
      const mc = trials > 0 ? simulateAnyFailure({ n, p, trials, seed: deriveSeed(seed, p, n), level }) : undefined;
      rows.push({
        p,
        n,
        closed_form: anyFailureProbability({ n, p }),
        estimate: mc?.estimate ?? NaN,
        lower: mc?.lower ?? NaN,
        upper: mc?.upper ?? NaN,
        trials,
        level,
      });
    }
  }
  return tableFromRows(rows);
}
