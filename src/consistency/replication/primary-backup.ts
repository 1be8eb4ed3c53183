import { createRng } from "../../random";
import { quantiles } from "../../stats";
import { tableFromRows, type Table } from "../../table";
import { checkInteger, checkNonNegative, checkOneOf, checkPositive, checkSeed } from "../../validate";
import { LATENCY_PROFILES, PROFILE_NAMES, drawMixture, mixtureMean, type ProfileName } from "../latency-profiles";

/** Options of {@link primaryBackup}. */
export interface PrimaryBackupOptions {
  /** Backups the primary replicates to, an integer in [1, 10]. Defaults to 2. */
  backups?: number;
  /** Writes per second reaching the primary (Poisson), > 0. Defaults to 1,000. */
  writesPerSecond?: number;
  /** Writes simulated, an integer in [100, 10^6]. Defaults to 50,000. */
  writes?: number;
  /** Message delay fits of consistency's PBS profiles (W leg primary → backup, A leg back). Defaults to "LNKD-SSD". */
  profile?: ProfileName;
  /** Time the primary takes to apply a write locally, in ms, ≥ 0. Defaults to 0.1. */
  localMs?: number;
  /** Random instants at which the primary is crashed (and a backup promoted), an integer in [1, 10^5]. Defaults to 5,000. */
  crashes?: number;
  /** Seed, an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
}

/** The index of the first element > x in a sorted array (the count of elements ≤ x). */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Synchronous vs asynchronous primary-backup replication, on the same writes and message delays.
 * Synchronous: the primary answers the client once every backup acknowledged the write.
 * Asynchronous: it answers after applying it locally and ships it to the backups meanwhile.
 * One row per mode: write latency (mean, p99, ms), and, with the primary crashed at a random
 * instant and backup 1 promoted, the acknowledged writes the new primary lacks (lost):
 * mean_lost_writes and p_lose_any (fraction of crashes losing at least one), beside their closed
 * forms: asynchronous writes in flight to the backup form an M/G/∞ queue, so their number at a
 * random instant is Poisson with mean λ·E[delay] (Little's law): lost_closed_form = λ·E[W leg]
 * and p_lose_any_closed_form = 1 − e^(−λ·E[W leg]); both 0 for synchronous replication.
 */
export function primaryBackup(options: PrimaryBackupOptions = {}): Table {
  const { backups = 2, writesPerSecond = 1000, writes = 50_000, profile = "LNKD-SSD", localMs = 0.1, crashes = 5000, seed = 1 } = options;
  checkInteger("backups", backups, 1, 10);
  checkPositive("writesPerSecond", writesPerSecond);
  checkInteger("writes", writes, 100, 1_000_000);
  checkOneOf("profile", profile, PROFILE_NAMES);
  checkNonNegative("localMs", localMs);
  checkInteger("crashes", crashes, 1, 100_000);
  checkSeed(seed);
  const legs = LATENCY_PROFILES[profile];
  const rng = createRng(seed);
  const start = new Float64Array(writes);
  const arriveBackup1 = new Float64Array(writes);
  const syncAck = new Float64Array(writes);
  const asyncAck = new Float64Array(writes);
  let t = 0;
  for (let i = 0; i < writes; i++) {
    t += (-Math.log(1 - rng.random()) / writesPerSecond) * 1000;
    start[i] = t;
    const applied = t + localMs;
    let slowest = applied;
    for (let b = 0; b < backups; b++) {
      const arrive = applied + drawMixture(legs.w, rng.random(), rng.random()) + legs.remoteDelayMs;
      const ack = arrive + drawMixture(legs.a, rng.random(), rng.random()) + legs.remoteDelayMs;
      if (b === 0) arriveBackup1[i] = arrive;
      slowest = Math.max(slowest, ack);
    }
    syncAck[i] = slowest;
    asyncAck[i] = applied;
  }
  const horizon = t;
  const crashAt = Array.from({ length: crashes }, () => horizon * (0.1 + 0.8 * rng.random()));
  const arrivals = Float64Array.from(arriveBackup1).sort();
  return tableFromRows(
    (["sync", "async"] as const).map((mode) => {
      const acks = mode === "sync" ? syncAck : asyncAck;
      const latency = acks.map((a, i) => a - start[i]);
      const sortedAcks = Float64Array.from(acks).sort();
      let lostTotal = 0;
      let anyLost = 0;
      for (const c of crashAt) {
        // Acknowledged by c but not yet on backup 1. Synchronous acks follow the backups' copies, so never;
        // asynchronous acks precede them, so it is (acks ≤ c) − (arrivals ≤ c).
        const lost = mode === "sync" ? 0 : Math.max(0, countAtMost(sortedAcks, c) - countAtMost(arrivals, c));
        lostTotal += lost;
        if (lost > 0) anyLost++;
      }
      const [p50, p99] = quantiles(latency, [0.5, 0.99]);
      const inFlight = mode === "sync" ? 0 : (writesPerSecond / 1000) * (mixtureMean(legs.w) + legs.remoteDelayMs);
      return {
        mode,
        backups,
        profile,
        mean_write_ms: latency.reduce((a, b) => a + b, 0) / writes,
        p50_write_ms: p50,
        p99_write_ms: p99,
        mean_lost_writes: lostTotal / crashes,
        lost_closed_form: inFlight,
        p_lose_any: anyLost / crashes,
        p_lose_any_closed_form: 1 - Math.exp(-inFlight),
      };
    }),
  );
}
