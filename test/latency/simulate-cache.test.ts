import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("simulateCache(options)", () => {
  it("hits every request after warm-up once the cache holds the whole catalogue", () => {
    const r = latency.simulateCache({ capacity: 50, items: 50, requests: 5000, warmup: 0.5 });
    // 2,500 warm-up requests at Zipf 0.9 over 50 items leave the rarest item (p ≈ 0.004) unseen with probability < 1e-4.
    expect(r.hit_ratio).toBe(1);
    expect(r.mean_ms).toBe(1);
  });
  it("never hits without a cache, so every request pays the round trip plus service", () => {
    const r = latency.simulateCache({ capacity: 0, requests: 1000, rttMs: 50 });
    expect(r.hit_ratio).toBe(0);
    expect(r.p50_ms).toBeGreaterThan(50);
  });
  it("hits at least as often with a larger cache on the same request stream (LRU's inclusion property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1000 }), (a, b, seed) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const s = latency.simulateCache({ capacity: small, items: 500, requests: 2000, seed });
        const l = latency.simulateCache({ capacity: large, items: 500, requests: 2000, seed });
        expect(l.hit_ratio).toBeGreaterThanOrEqual(s.hit_ratio);
      }),
      { numRuns: 30 },
    );
  });
  it("reports a 95% interval around the hit ratio", () => {
    const r = latency.simulateCache({ capacity: 100, requests: 5000 });
    expect(r.hit_ratio_lower).toBeLessThan(r.hit_ratio);
    expect(r.hit_ratio_upper).toBeGreaterThan(r.hit_ratio);
  });
  it("is deterministic in its seed", () => {
    expect(latency.simulateCache({ capacity: 100, requests: 3000, seed: 7 })).toEqual(latency.simulateCache({ capacity: 100, requests: 3000, seed: 7 }));
  });
  it("rejects a negative capacity and a warm-up of 1", () => {
    expect(() => latency.simulateCache({ capacity: -1 })).toThrow("invalid capacity: -1 (expected an integer >= 0)");
    expect(() => latency.simulateCache({ capacity: 1, warmup: 1 })).toThrow("invalid warmup: 1 (expected a number in [0, 1))");
  });
});
