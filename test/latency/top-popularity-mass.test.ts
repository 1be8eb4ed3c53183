import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("topPopularityMass({ items, zipfExponent, capacity })", () => {
  it("bounds the simulated LRU hit ratio and Che's approximation from above", () => {
    for (const capacity of [10, 100, 1000]) {
      const top = latency.topPopularityMass({ items: 5000, zipfExponent: 0.9, capacity });
      expect(latency.simulateCache({ capacity, items: 5000, requests: 20_000, seed: 3 }).hit_ratio_lower).toBeLessThan(top);
      expect(latency.cheHitRatio({ items: 5000, zipfExponent: 0.9, capacity })).toBeLessThan(top);
    }
  });
  it("sums 1/k^s over the top C ranks, normalised", () => {
    const h = (n: number) => Array.from({ length: n }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);
    expect(latency.topPopularityMass({ items: 100, zipfExponent: 1, capacity: 10 })).toBeCloseTo(h(10) / h(100), 12);
    expect(latency.topPopularityMass({ items: 100, zipfExponent: 1, capacity: 500 })).toBe(1);
  });
  it("rejects a fractional capacity", () => {
    expect(() => latency.topPopularityMass({ items: 100, zipfExponent: 1, capacity: 1.5 })).toThrow("invalid capacity: 1.5 (expected an integer >= 0)");
  });
});
