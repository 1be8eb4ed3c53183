/**
 * A latency fit of Bailis et al., "Probabilistically Bounded Staleness for Practical Partial Quorums"
 * (VLDB 2012, Sec. 5.2, Table 3): with probability `paretoWeight` a Pareto(xm, alpha) draw, else an
 * Exponential(rate) draw, in milliseconds.
 */
export interface LatencyMixture {
  /** Weight of the Pareto part, in [0, 1]. */
  paretoWeight: number;
  /** Pareto scale x_m in ms: P(X > x) = (x_m / x)^alpha for x >= x_m. */
  xm: number;
  /** Pareto shape. */
  alpha: number;
  /** Rate λ of the exponential part, per ms (mean 1/λ ms). */
  rate: number;
}

/** The four legs of the WARS model (write, ack, read, response) and the delay added to remote replicas. */
export interface LatencyProfile {
  /** Coordinator to replica, carrying the write. */
  w: LatencyMixture;
  /** Replica to coordinator, acknowledging the write. */
  a: LatencyMixture;
  /** Coordinator to replica, carrying the read request. */
  r: LatencyMixture;
  /** Replica to coordinator, carrying the read response. */
  s: LatencyMixture;
  /** Milliseconds added to every message to or from a remote replica (all but the client's local one). */
  remoteDelayMs: number;
}

/** The profile names the paper fits. */
export type ProfileName = "LNKD-SSD" | "LNKD-DISK" | "YMMR" | "WAN";

/** Names accepted by the PBS functions, in the paper's order. */
export const PROFILE_NAMES: readonly ProfileName[] = ["LNKD-SSD", "LNKD-DISK", "YMMR", "WAN"];

// LinkedIn's Voldemort on SSDs: every leg has the same fit.
const SSD: LatencyMixture = { paretoWeight: 0.9122, xm: 0.235, alpha: 10, rate: 1.66 };
// LinkedIn on spinning disks: writes are slower, the other legs as on SSDs.
const DISK_WRITE: LatencyMixture = { paretoWeight: 0.38, xm: 1.05, alpha: 1.51, rate: 0.183 };
// Yammer's Riak.
const YMMR_WRITE: LatencyMixture = { paretoWeight: 0.939, xm: 3, alpha: 3.35, rate: 0.0028 };
const YMMR_OTHER: LatencyMixture = { paretoWeight: 0.982, xm: 1.5, alpha: 3.8, rate: 0.0217 };

/** Bailis et al.'s latency fits (ms), by name; WAN is LNKD-DISK with 75 ms added to each message to a remote replica. */
export const LATENCY_PROFILES: Readonly<Record<ProfileName, LatencyProfile>> = {
  "LNKD-SSD": { w: SSD, a: SSD, r: SSD, s: SSD, remoteDelayMs: 0 },
  "LNKD-DISK": { w: DISK_WRITE, a: SSD, r: SSD, s: SSD, remoteDelayMs: 0 },
  YMMR: { w: YMMR_WRITE, a: YMMR_OTHER, r: YMMR_OTHER, s: YMMR_OTHER, remoteDelayMs: 0 },
  WAN: { w: DISK_WRITE, a: SSD, r: SSD, s: SSD, remoteDelayMs: 75 },
};

/** One draw from a mixture, given two uniforms in [0, 1): the first picks the part, the second draws from it. */
export function drawMixture(m: LatencyMixture, pick: number, u: number): number {
  // 1 - u lies in (0, 1], so both inverses are finite.
  return pick < m.paretoWeight ? m.xm / Math.pow(1 - u, 1 / m.alpha) : -Math.log(1 - u) / m.rate;
}

/** The mixture's mean in ms (infinite when the Pareto part has alpha <= 1). */
export function mixtureMean(m: LatencyMixture): number {
  const pareto = m.alpha > 1 ? (m.alpha * m.xm) / (m.alpha - 1) : Infinity;
  return m.paretoWeight * pareto + (1 - m.paretoWeight) / m.rate;
}
