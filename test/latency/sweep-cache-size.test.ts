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
