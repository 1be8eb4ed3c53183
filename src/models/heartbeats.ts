import { createRng, exponential } from "../random";
import { checkInteger, checkNonNegative, checkNumber, checkOneOf, checkPositive, checkSeed } from "../validate";

/** How heartbeat delays are distributed: bounded (a synchronous system) or with an unbounded exponential tail (asynchronous). */
export const DELAY_MODELS = ["exponential", "bounded"] as const;
export type DelayModel = (typeof DELAY_MODELS)[number];

/** Options for heartbeatArrivals. */
export interface HeartbeatOptions {
  /** Heartbeat period η, ms. Defaults to 100. */
  periodMs?: number;
  /** Heartbeats sent. Defaults to 20,000 (2,000 s at the default period). */
  heartbeats?: number;
  /** Minimum one-way delay, ms. Defaults to 10. */
  minDelayMs?: number;
  /** Exponential: mean of the extra delay; bounded: the extra delay is uniform in [0, 2·this]. ms. Defaults to 20. */
  jitterMs?: number;
  /** "exponential" (no bound on the delay) or "bounded" (delay ≤ min + 2·jitter). Defaults to "exponential". */
  delay?: DelayModel;
  /** Probability a heartbeat is lost. Defaults to 0.01. */
  loss?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** Arrival times (ms) of the heartbeats that were not lost, in arrival order; heartbeat i is sent at i·η. */
export interface HeartbeatStream {
  periodMs: number;
  /** Send time of the last heartbeat, ms: the process is alive until then. */
  endMs: number;
  /** Sorted arrival times. */
  arrivals: Float64Array;
  /** Send index of each arrival, in the same order. */
  sent: Int32Array;
}

/** A heartbeat stream from a process that stays up: heartbeat i sent at i·η, delayed, possibly lost. */
export function heartbeatArrivals({
  periodMs = 100,
  heartbeats = 20_000,
  minDelayMs = 10,
  jitterMs = 20,
  delay = "exponential",
  loss = 0.01,
  seed = 1,
}: HeartbeatOptions = {}): HeartbeatStream {
  checkPositive("periodMs", periodMs);
  checkInteger("heartbeats", heartbeats, 10, 10_000_000);
  checkNonNegative("minDelayMs", minDelayMs);
  checkPositive("jitterMs", jitterMs);
  checkOneOf("delay", delay, DELAY_MODELS);
  checkNumber("loss", loss, { min: 0, max: 0.5 });
  checkSeed(seed);
  const rng = createRng(seed);
  const extra = delay === "exponential" ? exponential(rng, 1 / jitterMs) : () => 2 * jitterMs * rng.random();
  const pairs: [number, number][] = [];
  for (let i = 0; i < heartbeats; i++) {
    const lost = rng.random() < loss;
    const d = minDelayMs + extra();
    if (!lost) pairs.push([i * periodMs + d, i]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { periodMs, endMs: (heartbeats - 1) * periodMs, arrivals: Float64Array.from(pairs, (p) => p[0]), sent: Int32Array.from(pairs, (p) => p[1]) };
}
