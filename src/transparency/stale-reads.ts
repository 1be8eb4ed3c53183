import { createRng, exponential } from "../random";
import { proportionInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkPositive, checkSeed } from "../validate";

/** Options for staleReads. */
export interface StaleReadsOptions {
  /** Replicas R, an integer ≥ 1: one primary that applies the write at once, R − 1 that apply it later. Defaults to 3. */
  replicas?: number;
  /** Mean replication lag in milliseconds (exponential). Defaults to 100. */
  lagMs?: number;
  /** Delays between the write and the read, in milliseconds, one row each. Defaults to 0, 50, 100, 200, 400, 800. */
  delaysMs?: readonly number[];
  /** Reads simulated per delay. Defaults to 20,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Replication transparency under asynchronous replication: a client writes, then reads `delay`
 * ms later from a replica picked at random. The primary has the write; each other replica
 * applies it after an exponential lag of mean L. The read is stale with probability
 * ((R − 1)/R)·e^(−delay/L). One row per delay: stale_fraction with its 95% Wilson interval
 * beside that closed form.
 */
export function staleReads({ replicas = 3, lagMs = 100, delaysMs = [0, 50, 100, 200, 400, 800], trials = 20_000, seed = 1 }: StaleReadsOptions = {}): Table {
  checkInteger("replicas", replicas, 1, 1000);
  checkPositive("lagMs", lagMs);
  checkNonEmptyArray<number>("delaysMs", delaysMs).forEach((d, i) => checkNonNegative(`delaysMs[${i}]`, d));
  checkInteger("trials", trials, 1);
  checkSeed(seed);
  const rng = createRng(seed);
  const lag = exponential(rng, 1 / lagMs);
  return tableFromRows(
    delaysMs.map((delay) => {
      let stale = 0;
      for (let t = 0; t < trials; t++) {
        const replica = rng.int(replicas);
        // Replica 0 is the primary; any other has applied the write only if its lag has passed.
        if (replica !== 0 && lag() > delay) stale++;
      }
      const { estimate, lower, upper } = proportionInterval(stale, trials);
      return { delay_ms: delay, stale_fraction: estimate, lower, upper, closed_form: ((replicas - 1) / replicas) * Math.exp(-delay / lagMs) };
    }),
  );
}
