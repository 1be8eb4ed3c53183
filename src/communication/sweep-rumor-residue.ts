import { meanInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkSeed } from "../validate";
import { rumorResidue } from "./rumor-residue";
import { simulateRumorMongering, type LossOfInterest } from "./simulate-rumor-mongering";

/** Options for sweepRumorResidue. */
export interface SweepRumorResidueOptions {
  /** Counters k swept. Defaults to [1, 2, 3, 4, 5]. */
  ks?: readonly number[];
  /** Sites. Defaults to 1,000. */
  n?: number;
  /** Runs per k. Defaults to 50. */
  runs?: number;
  /** "counter" or "coin". Defaults to "counter". */
  loss?: LossOfInterest;
  /** Seed of the first run; run r uses seed + r. Defaults to 1. */
  seed?: number;
}

/**
 * Residue and traffic of rumor mongering vs the counter k: one row per k with the mean residue
 * over runs (95% interval) beside Demers' closed form s = e^(−(k+1)(1−s)), messages per site, and
 * the traffic bounds of Demers et al. for m informed sites, (k+1)·m − 1 ≤ messages ≤ k·(2m − 1).
 */
export function sweepRumorResidue({ ks = [1, 2, 3, 4, 5], n = 1000, runs = 50, loss = "counter", seed = 1 }: SweepRumorResidueOptions = {}): Table {
  checkNonEmptyArray("ks", ks);
  checkInteger("runs", runs, 2, 100_000);
  checkSeed(seed);
  return tableFromRows(
    ks.map((k) => {
      const residues = new Float64Array(runs);
      let messages = 0;
      let rounds = 0;
      let informed = 0;
      let withinBounds = 0;
      for (let r = 0; r < runs; r++) {
        const result = simulateRumorMongering({ n, k, loss, seed: (seed + r) >>> 0 });
        residues[r] = result.residue;
        messages += result.messages;
        rounds += result.rounds;
        informed += result.informed;
        const m = result.informed;
        if (result.messages >= (k + 1) * m - 1 && result.messages <= k * (2 * m - 1)) withinBounds++;
      }
      const { estimate, lower, upper } = meanInterval(residues);
      const m = informed / runs;
      return {
        k,
        residue: estimate,
        residue_lower: lower,
        residue_upper: upper,
        residue_closed_form: rumorResidue({ k }),
        messages_per_site: messages / runs / n,
        traffic_lower_bound: ((k + 1) * m - 1) / n,
        traffic_upper_bound: (k * (2 * m - 1)) / n,
        runs_within_bounds: withinBounds / runs,
        mean_rounds: rounds / runs,
      };
    }),
  );
}
