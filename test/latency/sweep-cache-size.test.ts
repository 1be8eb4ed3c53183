import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("sweepCacheSize(options)", () => {
  type Row = { capacity: number; hit_ratio: number; che_hit_ratio: number; top_mass: number; mean_ms: number; p99_ms: number };
  const rows = latency.sweepCacheSize({ capacities: [0, 100, 1000, 10_000], requests: 10_000 }).objects() as Row[];
  it("gives one row per capacity with the simulation, Che's approximation and the top-C bound", () => {
    expect(rows.map((r) => r.capacity)).toEqual([0, 100, 1000, 10_000]);
    for (const r of rows) expect(r.che_hit_ratio).toBeLessThanOrEqual(r.top_mass + 1e-12);
  });
  it("raises the hit ratio and lowers the mean latency as the cache grows", () => {
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].hit_ratio).toBeGreaterThanOrEqual(rows[i - 1].hit_ratio);
      expect(rows[i].mean_ms).toBeLessThanOrEqual(rows[i - 1].mean_ms);
    }
  });
  it("is deterministic in its seed", () => {
    const run = () => latency.sweepCacheSize({ capacities: [10, 100], requests: 2000, seed: 4 }).objects();
    expect(run()).toEqual(run());
  });
  it("rejects a negative capacity in the list", () => {
    expect(() => latency.sweepCacheSize({ capacities: [10, -5] })).toThrow("invalid capacities[1]: -5 (expected an integer >= 0)");
  });
});

describe("sweepCacheSize at the chapter's parameters", () => {
  it("converges to Che's approximation: 200,000 requests fill even a cache of half the catalogue", () => {
    type Row = { capacity: number; hit_ratio: number; che_hit_ratio: number };
    for (const seed of [1, 2026]) {
      const rows = latency.sweepCacheSize({ capacities: [10, 30, 100, 300, 1000, 3000, 5000], requests: 200_000, seed }).objects() as Row[];
      // 160,000 counted requests: the hit ratio's standard error is at most 0.00125.
      for (const r of rows) expect(Math.abs(r.hit_ratio - r.che_hit_ratio), `capacity ${r.capacity}`).toBeLessThan(0.006);
    }
  }, 60_000);
});
