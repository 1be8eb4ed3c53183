import { createRng } from "../random";
import { proportionInterval } from "../stats";
import { checkInteger, checkNonNegative, checkNumber } from "../validate";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";
import { workload, workloadSamplers, type Workload } from "./workload";

/** Options for simulateCache. */
export interface CacheOptions {
  /** Cache capacity in items (LRU), an integer ≥ 0. Required. */
  capacity: number;
  /** Latency of a cache hit in milliseconds (a local lookup). Defaults to 1. */
  hitMs?: number;
  /** Fraction of the first requests not counted, to measure a warm cache. Defaults to 0.2. */
  warmup?: number;
}

/** Result of a cache simulation. */
export interface CacheResult extends LatencySummary {
  /** Cache capacity in items. */
  capacity: number;
  /** Fraction of counted (post-warm-up) requests served from the cache. */
  hit_ratio: number;
  /** Lower end of the 95% Wilson interval of the hit ratio. */
  hit_ratio_lower: number;
  /** Upper end of the 95% Wilson interval of the hit ratio. */
  hit_ratio_upper: number;
}

/**
 * An LRU cache of `capacity` items in front of a remote server: a hit costs hitMs, a miss
 * a round trip plus the server's service time. Requests follow the workload's Zipf popularity.
 */
export function simulateCache(options: CacheOptions & Partial<Workload>): CacheResult {
  const { capacity, hitMs = 1, warmup = 0.2, ...rest } = options;
  checkInteger("capacity", capacity, 0);
  checkNonNegative("hitMs", hitMs);
  checkNumber("warmup", warmup, { min: 0, max: 1, maxOpen: true });
  const w = workload(rest);
  const { item, service } = workloadSamplers(w, createRng(w.seed));
  // A Map iterates in insertion order: deleting and re-inserting a key moves it to the end,
  // so the first key is always the least recently used.
  const cache = new Map<number, true>();
  const skip = Math.floor(w.requests * warmup);
  const latencies = new Float64Array(w.requests - skip);
  let hits = 0;
  for (let r = 0; r < w.requests; r++) {
    const key = item();
    const serviceMs = service();
    let latency: number;
    if (cache.has(key)) {
      cache.delete(key);
      cache.set(key, true);
      latency = hitMs;
      if (r >= skip) hits++;
    } else {
      latency = w.rttMs + serviceMs;
      if (capacity > 0) {
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as number);
        cache.set(key, true);
      }
    }
    if (r >= skip) latencies[r - skip] = latency;
  }
  const { estimate, lower, upper } = proportionInterval(hits, latencies.length);
  return { capacity, hit_ratio: estimate, hit_ratio_lower: lower, hit_ratio_upper: upper, ...summarizeLatencies(latencies) };
}
