import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray } from "../validate";
import { cheHitRatio } from "./che-hit-ratio";
import { simulateCache } from "./simulate-cache";
import { topPopularityMass } from "./top-popularity-mass";
import { workload, type Workload } from "./workload";

/** Options for sweepCacheSize. */
export interface SweepCacheOptions {
  /** Cache capacities in items, one row each. Defaults to 0, 10, 100, 1,000, 5,000. */
  capacities?: readonly number[];
  /** Latency of a cache hit in milliseconds. Defaults to 1. */
  hitMs?: number;
}

/** Hit ratio, mean and p99 latency vs cache size, beside Che's approximation and the top-C popularity bound. One row per capacity. */
export function sweepCacheSize(options: SweepCacheOptions & Partial<Workload> = {}): Table {
  const { capacities = [0, 10, 100, 1000, 5000], hitMs, ...rest } = options;
  checkNonEmptyArray("capacities", capacities).forEach((c, i) => checkInteger(`capacities[${i}]`, c, 0));
  const w = workload(rest);
  return tableFromRows(
    capacities.map((capacity) => ({
      ...simulateCache({ ...w, capacity, hitMs }),
      che_hit_ratio: cheHitRatio({ items: w.items, zipfExponent: w.zipfExponent, capacity }),
      top_mass: topPopularityMass({ items: w.items, zipfExponent: w.zipfExponent, capacity }),
    })),
  );
}
