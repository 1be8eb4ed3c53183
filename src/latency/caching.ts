import { createRng } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkNumber } from "../validate";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";
import { workload, workloadSamplers, type Workload } from "./workload";

/** Options for simulateCache. */
export interface CacheOptions {
  /** Cache capacity in items (LRU), an integer ≥ 0. */
  capacity: number;
  /** Latency of a cache hit in milliseconds (a local lookup). Defaults to 1. */
  hitMs?: number;
  /** Fraction of the first requests not counted, to measure a warm cache. Defaults to 0.2. */
  warmup?: number;
}

/** Result of a cache simulation. */
export interface CacheResult extends LatencySummary {
  capacity: number;
  hit_ratio: number;
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
  return { capacity, hit_ratio: hits / latencies.length, ...summarizeLatencies(latencies) };
}

/**
 * Che's approximation of an LRU cache's hit ratio under independent Zipf requests
 * (Che, Tung & Wang, IEEE JSAC 2002): find the characteristic time T with
 * Σ_i (1 - e^(-q_i T)) = C; then hit ratio = Σ_i q_i (1 - e^(-q_i T)).
 */
export function cheHitRatio({ items, zipfExponent, capacity }: { items: number; zipfExponent: number; capacity: number }): number {
  checkInteger("items", items, 1);
  checkNumber("zipfExponent", zipfExponent, { min: 0, max: 5 });
  checkInteger("capacity", capacity, 0);
  if (capacity === 0) return 0;
  if (capacity >= items) return 1;
  const q = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) total += q[i] = Math.pow(i + 1, -zipfExponent);
  for (let i = 0; i < items; i++) q[i] /= total;
  const occupied = (t: number) => q.reduce((s, qi) => s - Math.expm1(-qi * t), 0);
  let lo = 0;
  let hi = 1;
  while (occupied(hi) < capacity) hi *= 2;
  for (let iter = 0; iter < 100; iter++) {
    const mid = (lo + hi) / 2;
    if (occupied(mid) < capacity) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return q.reduce((s, qi) => s - qi * Math.expm1(-qi * t), 0);
}

/** Hit ratio, mean and p99 latency vs cache size, beside Che's approximation. One row per capacity. */
export function sweepCacheSize(options: { capacities?: readonly number[]; hitMs?: number } & Partial<Workload> = {}): Table {
  const { capacities = [0, 10, 100, 1000, 5000], hitMs, ...rest } = options;
  checkNonEmptyArray("capacities", capacities);
  const w = workload(rest);
  return tableFromRows(
    capacities.map((capacity) => ({
      ...simulateCache({ ...w, capacity, hitMs }),
      che_hit_ratio: cheHitRatio({ items: w.items, zipfExponent: w.zipfExponent, capacity }),
    })),
  );
}
