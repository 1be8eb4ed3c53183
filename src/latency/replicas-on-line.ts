import { createRng } from "../random";
import { meanInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkPositive, checkSeed } from "../validate";
import type { RttOptions } from "./placement";

/** Options for replicasOnLine. */
export interface ReplicasOnLineOptions {
  /** Length of the line the clients are spread over, km. Defaults to 10,000. */
  lengthKm?: number;
  /** Largest number of replicas, placed evenly. Defaults to 8. */
  maxReplicas?: number;
  /** Clients, uniform on the line. Defaults to 2,000. */
  clients?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Clients spread uniformly over a line of length L and k replicas at the centres of k equal
 * segments: a client's distance to its nearest replica is uniform on [0, L/(2k)], mean L/(4k),
 * so the mean RTT is 2·routeFactor·L/(4k)/kmPerMs + overhead. One row per k: simulated mean
 * RTT with its 95% interval beside that closed form (same RTT model as rttMs).
 */
export function replicasOnLine({ lengthKm = 10_000, maxReplicas = 8, clients = 2_000, seed = 1, ...rtt }: ReplicasOnLineOptions & RttOptions = {}): Table {
  checkPositive("lengthKm", lengthKm);
  checkInteger("maxReplicas", maxReplicas, 1, 10_000);
  checkInteger("clients", clients, 2, 10_000_000);
  checkSeed(seed);
  const { kmPerMs = 200, routeFactor = 1.5, overheadMs = 2 } = rtt;
  checkPositive("kmPerMs", kmPerMs);
  checkPositive("routeFactor", routeFactor);
  checkNonNegative("overheadMs", overheadMs);
  const rng = createRng(seed);
  const positions = Float64Array.from({ length: clients }, () => rng.random() * lengthKm);
  const rows = [];
  for (let k = 1; k <= maxReplicas; k++) {
    const segment = lengthKm / k;
    const rtts = positions.map((x) => {
      const nearest = (Math.min(k - 1, Math.floor(x / segment)) + 0.5) * segment;
      return (2 * routeFactor * Math.abs(x - nearest)) / kmPerMs + overheadMs;
    });
    const { estimate, lower, upper } = meanInterval(rtts);
    rows.push({
      replicas: k,
      mean_rtt_ms: estimate,
      mean_lower_ms: lower,
      mean_upper_ms: upper,
      closed_form_ms: (2 * routeFactor * lengthKm) / (4 * k) / kmPerMs + overheadMs,
    });
  }
  return tableFromRows(rows);
}
