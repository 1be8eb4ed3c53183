import { createRng, exponential } from "../random";
import { proportionInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkPositive, checkSeed } from "../validate";

/** Options for lostUpdates. */
export interface LostUpdatesOptions {
  /** Numbers of clients N to compare, integers ≥ 1, one row each. Defaults to 1, 2, 5, 10, 20, 50. */
  clients?: readonly number[];
  /** Increments each client starts per second (Poisson). Defaults to 1. */
  ratePerSecond?: number;
  /** Time between a client's read and its write (one round trip), in milliseconds. Defaults to 50. */
  rttMs?: number;
  /** Increments simulated per row. Defaults to 20,000. */
  updates?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Concurrency transparency, broken: N clients increment one shared counter by read-modify-write
 * with no lock (read the value, write value + 1 one round trip d later). An increment conflicts
 * when another write lands between its read and its write; its write then erases that one.
 * Increments start as a Poisson stream of rate N·λ, so a conflict has probability
 * 1 − e^(−N·λ·d). One row per N: conflict fraction (95% Wilson interval) beside the closed form,
 * and lost_fraction = 1 − final counter / increments.
 */
export function lostUpdates({ clients = [1, 2, 5, 10, 20, 50], ratePerSecond = 1, rttMs = 50, updates = 20_000, seed = 1 }: LostUpdatesOptions = {}): Table {
  checkNonEmptyArray<number>("clients", clients).forEach((n, i) => checkInteger(`clients[${i}]`, n, 1, 1_000_000));
  checkPositive("ratePerSecond", ratePerSecond);
  checkPositive("rttMs", rttMs);
  checkInteger("updates", updates, 1, 10_000_000);
  checkSeed(seed);
  return tableFromRows(
    clients.map((n, row) => {
      const gap = exponential(createRng((seed + 7919 * row) >>> 0), (n * ratePerSecond) / 1000);
      // Reads at Poisson times; each write lands rttMs later, so writes land in the reads' order.
      const reads = new Float64Array(updates);
      const readValue = new Float64Array(updates);
      for (let i = 0, t = 0; i < updates; i++) reads[i] = t += gap();
      let counter = 0;
      let landed = 0;
      let conflicts = 0;
      for (let i = 0; i < updates; i++) {
        // The counter a read sees: set by the last write that landed before it.
        while (landed < i && reads[landed] + rttMs <= reads[i]) counter = readValue[landed++] + 1;
        readValue[i] = counter;
        // The previous write lands after this read: this write will erase it.
        if (i > 0 && reads[i - 1] + rttMs > reads[i]) conflicts++;
      }
      const final = readValue[updates - 1] + 1;
      const { estimate, lower, upper } = proportionInterval(conflicts, updates);
      return {
        clients: n,
        conflict_fraction: estimate,
        lower,
        upper,
        closed_form: 1 - Math.exp((-n * ratePerSecond * rttMs) / 1000),
        lost_fraction: 1 - final / updates,
      };
    }),
  );
}
