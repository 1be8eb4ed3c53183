import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNumber, checkProbability, checkSeed } from "../validate";
import { deriveSeed } from "./derive-seed";
import { kOfNAvailability, kOfNUnavailability } from "./k-of-n-availability";
import { ninesFromUnavailability } from "./nines";
import { simulateKOfN } from "./simulate-k-of-n";

/** Options for sweepReplicas. */
export interface ReplicaSweep {
  /** Largest number of replicas, an integer ≥ the largest k. Defaults to 7. */
  maxReplicas?: number;
  /** Per-replica availabilities, in [0, 1]. Defaults to 0.9, 0.99, 0.999. */
  availabilities?: readonly number[];
  /** Replicas that must be up, an integer ≥ 1 (used when ks is not given). Defaults to 1. */
  k?: number;
  /** Several values of k to sweep at once, integers ≥ 1. Defaults to [k]. */
  ks?: readonly number[];
  /** Monte Carlo trials per point, an integer ≥ 0; 0 skips the simulation (estimate, lower, upper are NaN). Defaults to 0. */
  trials?: number;
  /** Seed, an integer in [0, 2^32 - 1]; each point draws from a stream hashed from (seed, availability, k, n). Defaults to 1. */
  seed?: number;
  /** Confidence level of the intervals, in (0, 1). Defaults to 0.95. */
  level?: number;
}

/**
 * Availability and nines of a k-of-n replica set vs the number of replicas n (from k to
 * maxReplicas), for each per-replica availability and each k. One row per (availability, k, n),
 * columns availability, k, n, system_availability, unavailability, nines, estimate, lower, upper.
 */
export function sweepReplicas({
  maxReplicas = 7,
  availabilities = [0.9, 0.99, 0.999],
  k = 1,
  ks = [k],
  trials = 0,
  seed = 1,
  level = 0.95,
}: ReplicaSweep = {}): Table {
  checkInteger("k", k, 1);
  checkNonEmptyArray<number>("ks", ks).forEach((value, i) => checkInteger(`ks[${i}]`, value, 1));
  checkInteger("maxReplicas", maxReplicas, Math.max(...ks));
  checkNonEmptyArray<number>("availabilities", availabilities).forEach((a, i) => checkProbability(`availabilities[${i}]`, a));
  checkInteger("trials", trials, 0);
  checkSeed(seed);
  checkNumber("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const rows = [];
  for (const availability of availabilities) {
    for (const kk of ks) {
      for (let n = kk; n <= maxReplicas; n++) {
        const options = { n, k: kk, availability };
        const unavailability = kOfNUnavailability(options);
        const mc = trials > 0 ? simulateKOfN({ ...options, trials, seed: deriveSeed(seed, availability, kk, n), level }) : undefined;
        rows.push({
          availability,
          k: kk,
          n,
          system_availability: kOfNAvailability(options),
          unavailability,
          nines: ninesFromUnavailability(unavailability),
          estimate: mc?.estimate ?? NaN,
          lower: mc?.lower ?? NaN,
          upper: mc?.upper ?? NaN,
        });
      }
    }
  }
  return tableFromRows(rows);
}
