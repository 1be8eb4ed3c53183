import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("cheHitRatio({ items, zipfExponent, capacity })", () => {
  it("matches a simulated LRU cache under independent Zipf requests", () => {
    for (const capacity of [10, 100, 1000]) {
      const sim = latency.simulateCache({ capacity, items: 5000, zipfExponent: 0.9, requests: 40_000, seed: 2 });
      const che = latency.cheHitRatio({ items: 5000, zipfExponent: 0.9, capacity });
      // The simulation's 95% interval is ±0.005 at 32,000 counted requests; Che's approximation
      // is accurate to about 0.01 at this catalogue size (Fricker, Robert & Roberts, ITC 2012),
      // so we allow the interval widened by 0.01.
      expect(che).toBeGreaterThan(sim.hit_ratio_lower - 0.01);
      expect(che).toBeLessThan(sim.hit_ratio_upper + 0.01);
    }
  });
  it("is the cache's share of the catalogue under uniform popularity", () => {
    // With s = 0 every item is equally likely: an LRU cache holds C of N items, hit ratio C/N.
    expect(latency.cheHitRatio({ items: 1000, zipfExponent: 0, capacity: 250 })).toBeCloseTo(0.25, 6);
  });
  it("is 0 without a cache and 1 when the cache holds every item", () => {
    expect(latency.cheHitRatio({ items: 100, zipfExponent: 1, capacity: 0 })).toBe(0);
    expect(latency.cheHitRatio({ items: 100, zipfExponent: 1, capacity: 100 })).toBe(1);
  });
  it("rejects a negative exponent", () => {
    expect(() => latency.cheHitRatio({ items: 100, zipfExponent: -1, capacity: 10 })).toThrow("invalid zipfExponent: -1 (expected a number in [0, 5])");
  });
});
