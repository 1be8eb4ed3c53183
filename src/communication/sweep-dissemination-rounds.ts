import { meanInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkSeed } from "../validate";
import { antiEntropyRoundsClosedForm, antiEntropyRun } from "./simulate-anti-entropy";
import { simulateRumorMongering } from "./simulate-rumor-mongering";

/** Options for sweepDisseminationRounds. */
export interface SweepDisseminationOptions {
  /** Numbers of sites. Defaults to [10, 30, 100, 300, 1000, 3000, 10000]. */
  ns?: readonly number[];
  /** Counter of the rumor mongering runs. Defaults to 2. */
  k?: number;
  /** Runs per point. Defaults to 20. */
  runs?: number;
  /** Seed of the first run. Defaults to 1. */
  seed?: number;
}

/**
 * Rounds to spread one update vs the number of sites: push and push-pull anti-entropy until every
 * site knows, and rumor mongering until no site is infective, each the mean over runs; beside
 * Pittel's log2 n + ln n for push (SIAM J. Appl. Math. 1987, cited by Demers et al.) and the rounds
 * Demers' recurrence predicts. All grow like log n.
 */
export function sweepDisseminationRounds({ ns = [10, 30, 100, 300, 1000, 3000, 10000], k = 2, runs = 20, seed = 1 }: SweepDisseminationOptions = {}): Table {
  checkNonEmptyArray("ns", ns);
  checkInteger("runs", runs, 2, 100_000);
  checkSeed(seed);
  return tableFromRows(
    ns.map((n) => {
      checkInteger("n", n, 2, 1_000_000);
      const push = new Float64Array(runs);
      const pushPull = new Float64Array(runs);
      const rumor = new Float64Array(runs);
      for (let r = 0; r < runs; r++) {
        const s = (seed + r) >>> 0;
        push[r] = antiEntropyRun({ n, mode: "push", seed: s }).length - 1;
        pushPull[r] = antiEntropyRun({ n, mode: "push-pull", seed: s }).length - 1;
        rumor[r] = simulateRumorMongering({ n, k, seed: s }).rounds;
      }
      const pushMean = meanInterval(push);
      return {
        n,
        push_rounds: pushMean.estimate,
        push_lower: pushMean.lower,
        push_upper: pushMean.upper,
        pittel_push: Math.log2(n) + Math.log(n),
        push_recurrence: antiEntropyRoundsClosedForm(n, "push"),
        push_pull_rounds: meanInterval(pushPull).estimate,
        push_pull_recurrence: antiEntropyRoundsClosedForm(n, "push-pull"),
        rumor_rounds: meanInterval(rumor).estimate,
        log2_n: Math.log2(n),
      };
    }),
  );
}
