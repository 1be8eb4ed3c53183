import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("simulateCache and cheHitRatio", () => {
  it("matches Che's approximation of LRU under Zipf requests within 0.05", () => {
    for (const capacity of [10, 100, 1000]) {
      const sim = latency.simulateCache({ capacity, items: 5000, requests: 40_000, seed: 2 });
      // Che's approximation is known to be accurate to a few percent for LRU under IRM; the
      // simulation's standard error at 32,000 counted requests is below 0.003.
      expect(Math.abs(sim.hit_ratio - latency.cheHitRatio({ items: 5000, zipfExponent: 0.9, capacity }))).toBeLessThan(0.05);
    }
  });
  it("hits always once the cache holds the whole catalogue, and never with no cache", () => {
    expect(latency.simulateCache({ capacity: 100, items: 50, requests: 5000 }).hit_ratio).toBe(1);
    expect(latency.simulateCache({ capacity: 0, requests: 1000 }).hit_ratio).toBe(0);
  });
  it("lowers mean latency as the cache grows", () => {
    const rows = latency.sweepCacheSize({ capacities: [0, 100, 1000], requests: 10_000 }).objects() as { hit_ratio: number; mean_ms: number }[];
    expect(rows[1].hit_ratio).toBeGreaterThan(rows[0].hit_ratio);
    expect(rows[2].mean_ms).toBeLessThan(rows[1].mean_ms);
  });
  it("rejects a negative capacity and a p99 below the median", () => {
    expect(() => latency.simulateCache({ capacity: -1 })).toThrow("invalid capacity: -1 (expected an integer >= 0)");
    expect(() => latency.workload({ serviceMedianMs: 10, serviceP99Ms: 5 })).toThrow("invalid serviceP99Ms: 5 (expected a number greater than serviceMedianMs (10))");
  });
});

describe("sequentialVsParallel and exponentialCallsMean", () => {
  it("parallel calls never take longer than sequential ones, and equal them for one call", () => {
    const rows = latency.sequentialVsParallel({ maxCalls: 6, trials: 2000 }).objects() as { calls: number; mode: string; mean_ms: number; p99_ms: number }[];
    for (let k = 1; k <= 6; k++) {
      const seq = rows.find((r) => r.calls === k && r.mode === "sequential")!;
      const par = rows.find((r) => r.calls === k && r.mode === "parallel")!;
      expect(par.mean_ms).toBeLessThanOrEqual(seq.mean_ms);
      if (k === 1) expect(par.mean_ms).toBe(seq.mean_ms);
    }
  });
  it("gives k·m sequentially and m·H_k in parallel for exponential latencies", () => {
    expect(latency.exponentialCallsMean({ calls: 3, meanMs: 10 })).toEqual({ sequential: 30, parallel: 10 * (1 + 1 / 2 + 1 / 3) });
  });
});

describe("pipelining(options)", () => {
  it("is stop-and-wait with one request in flight and reaches the service bound with many", () => {
    const rows = latency.pipelining({ messages: 100, windows: [1, 4, 64] }).objects() as { window: number; completion_ms: number; bound_ms: number; stop_and_wait_ms: number }[];
    expect(rows[0].completion_ms).toBeCloseTo(rows[0].stop_and_wait_ms, 6);
    expect(rows[1].completion_ms).toBeLessThan(rows[0].completion_ms / 3);
    for (const r of rows) expect(r.completion_ms).toBeGreaterThanOrEqual(r.bound_ms - 1e-9);
    expect(rows[2].completion_ms).toBeCloseTo(rows[2].bound_ms, 6);
  });
});

describe("replicaPlacement and rttMs", () => {
  it("lowers the mean RTT with each replica added", () => {
    const rows = latency.replicaPlacement({ maxReplicas: 5 }).objects() as { mean_rtt_ms: number }[];
    for (let i = 1; i < rows.length; i++) expect(rows[i].mean_rtt_ms).toBeLessThan(rows[i - 1].mean_rtt_ms);
  });
  it("puts São Paulo–Tokyo (≈18,500 km) near 280 ms with the default route factor", () => {
    const [sp, tokyo] = [latency.WORLD_CITIES[0], latency.WORLD_CITIES[10]];
    expect(latency.distanceKm(sp, tokyo)).toBeGreaterThan(18_000);
    expect(latency.distanceKm(sp, tokyo)).toBeLessThan(19_000);
    expect(latency.rttMs(sp, sp)).toBe(2);
  });
  it("is symmetric", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), (i, j) => {
      expect(latency.rttMs(latency.WORLD_CITIES[i], latency.WORLD_CITIES[j])).toBeCloseTo(latency.rttMs(latency.WORLD_CITIES[j], latency.WORLD_CITIES[i]), 9);
    }));
  });
});

describe("compareStrategies(options)", () => {
  const rows = latency.compareStrategies({ requests: 10_000, seed: 5 }).objects() as { strategy: string; mean_ms: number; p99_ms: number; server_calls_per_page: number }[];
  const by = (name: string) => rows.find((r) => r.strategy === name)!;
  it("ranks the strategies as the notes argue: parallel beats sequential, caching cuts server calls", () => {
    expect(by("parallel calls").mean_ms).toBeLessThan(by("sequential calls").mean_ms);
    expect(by("replica near the client").mean_ms).toBeLessThan(by("parallel calls").mean_ms);
    expect(by("LRU cache + sequential").server_calls_per_page).toBeLessThan(5);
    expect(by("parallel + hedged after p95").p99_ms).toBeLessThanOrEqual(by("parallel calls").p99_ms);
  });
  it("gives an identical table for the same seed", () => {
    expect(latency.compareStrategies({ requests: 2_000, seed: 5 }).objects()).toEqual(latency.compareStrategies({ requests: 2_000, seed: 5 }).objects());
  });
});
