import { createRng } from "../../random";
import { quantiles } from "../../stats";
import { tableFromRows, type Table } from "../../table";
import { checkInteger, checkOneOf, checkPositive, checkSeed } from "../../validate";
import { LATENCY_PROFILES, PROFILE_NAMES, drawMixture, type ProfileName } from "../latency-profiles";

/** Options of {@link capTradeoff}. */
export interface CapTradeoffOptions {
  /** Client requests per second over the whole run (half reads, half writes), > 0. Defaults to 200. */
  requestsPerSecond?: number;
  /** Length of the run in ms; the partition lasts its middle third. Defaults to 30,000. */
  durationMs?: number;
  /** Message delay fits (consistency's PBS profiles). Defaults to "LNKD-DISK". */
  profile?: ProfileName;
  /** Seed, an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
}

interface Request {
  at: number;
  replica: number;
  write: boolean;
}

/**
 * CAP and PACELC measured (Brewer 2000; Gilbert & Lynch 2002; Abadi 2012) on three replicas of one
 * register, replica 3 cut off from replicas 1 and 2 during the middle third of the run. Clients
 * send each request to a random replica. CP: a request needs a majority (its replica and one more
 * acknowledging), so on the cut-off side it is refused; answered reads are never stale. AP: the
 * replica answers alone at once and propagates writes in the background (last writer wins); a
 * message that would cross the partition waits for it to heal. One row per (mode, phase: "partition"
 * or "normal"): answered (fraction of requests), stale (fraction of answered reads missing a write
 * acknowledged before them) and mean_ms, p99_ms of answered requests.
 */
export function capTradeoff(options: CapTradeoffOptions = {}): Table {
  const { requestsPerSecond = 200, durationMs = 30_000, profile = "LNKD-DISK", seed = 1 } = options;
  checkPositive("requestsPerSecond", requestsPerSecond);
  checkInteger("durationMs", durationMs, 3, 3_600_000);
  checkOneOf("profile", profile, PROFILE_NAMES);
  checkSeed(seed);
  const legs = LATENCY_PROFILES[profile];
  const rng = createRng(seed);
  const [cutFrom, cutTo] = [durationMs / 3, (2 * durationMs) / 3];
  const side = [0, 0, 1];
  const inPartition = (t: number) => t >= cutFrom && t < cutTo;
  const requests: Request[] = [];
  for (let t = -Math.log(1 - rng.random()) * (1000 / requestsPerSecond); t < durationMs; t += -Math.log(1 - rng.random()) * (1000 / requestsPerSecond)) {
    requests.push({ at: t, replica: rng.int(3), write: rng.random() < 0.5 });
  }
  const oneWay = () => drawMixture(legs.w, rng.random(), rng.random()) + legs.remoteDelayMs;
  const back = () => drawMixture(legs.a, rng.random(), rng.random()) + legs.remoteDelayMs;
  /** When a message sent at t from a to b arrives: later if it would cross the partition. */
  const arrival = (t: number, a: number, b: number) => {
    const d = oneWay();
    return side[a] !== side[b] && t + d >= cutFrom && t < cutTo ? cutTo + d : t + d;
  };
  const rows: object[] = [];
  for (const mode of ["CP", "AP"] as const) {
    // Writes seen so far: their timestamp (the request time) and arrival at each replica.
    const writes: { at: number; arrive: number[]; ackedAt: number }[] = [];
    const byPhase = {
      partition: { total: 0, answered: 0, reads: 0, stale: 0, ms: [] as number[] },
      normal: { total: 0, answered: 0, reads: 0, stale: 0, ms: [] as number[] },
    };
    for (const r of requests) {
      const phase = byPhase[inPartition(r.at) ? "partition" : "normal"];
      phase.total++;
      const others = [0, 1, 2].filter((i) => i !== r.replica);
      if (mode === "CP") {
        // A majority: the fastest other replica reachable must answer.
        const reachable = others.filter((o) => !(inPartition(r.at) && side[o] !== side[r.replica]));
        if (reachable.length === 0) continue;
        const ms = Math.min(...reachable.map(() => oneWay() + back()));
        phase.answered++;
        phase.ms.push(ms);
        if (!r.write) phase.reads++;
        continue;
      }
      phase.answered++;
      phase.ms.push(0.1);
      if (r.write) {
        writes.push({ at: r.at, arrive: [0, 1, 2].map((i) => (i === r.replica ? r.at : arrival(r.at, r.replica, i))), ackedAt: r.at + 0.1 });
        continue;
      }
      phase.reads++;
      // Stale: the newest write acknowledged before this read is newer than the newest this replica holds.
      let newestAcked = -Infinity;
      let newestHere = -Infinity;
      for (const w of writes) {
        if (w.ackedAt <= r.at) newestAcked = Math.max(newestAcked, w.at);
        if (w.arrive[r.replica] <= r.at) newestHere = Math.max(newestHere, w.at);
      }
      if (newestHere < newestAcked) phase.stale++;
    }
    for (const [name, p] of Object.entries(byPhase)) {
      const [p99] = p.ms.length > 0 ? quantiles(p.ms, [0.99]) : [NaN];
      rows.push({
        mode,
        phase: name,
        requests: p.total,
        answered: p.answered / p.total,
        stale: p.reads > 0 ? p.stale / p.reads : 0,
        mean_ms: p.ms.reduce((a, b) => a + b, 0) / Math.max(1, p.ms.length),
        p99_ms: p99,
      });
    }
  }
  return tableFromRows(rows);
}
