import { describe, expect, it } from "vitest";
import { failure } from "../../src";

// Each check below uses a fixed seed and a 99.9% interval: a correct simulator misses the
// closed form in about 1 run in 1,000, and with fixed seeds the outcome is reproducible.
const level = 0.999;

describe("simulateAnyFailure({ n, p, trials, seed })", () => {
  it("contains the closed form in its interval", () => {
    for (const [n, p] of [[100, 0.01], [10, 0.05], [2000, 0.0001]] as const) {
      const mc = failure.simulateAnyFailure({ n, p, trials: 20_000, seed: 42, level });
      const exact = failure.anyFailureProbability({ n, p });
      expect(mc.lower).toBeLessThanOrEqual(exact);
      expect(mc.upper).toBeGreaterThanOrEqual(exact);
      expect(mc.upper - mc.lower).toBeLessThan(0.05);
    }
  });
  it("is deterministic in its seed", () => {
    const a = failure.simulateAnyFailure({ n: 50, p: 0.02, trials: 5_000, seed: 7 });
    expect(failure.simulateAnyFailure({ n: 50, p: 0.02, trials: 5_000, seed: 7 })).toEqual(a);
    expect(failure.simulateAnyFailure({ n: 50, p: 0.02, trials: 5_000, seed: 8 }).successes).not.toBe(a.successes);
  });
  it("rejects bad trial counts and seeds", () => {
    expect(() => failure.simulateAnyFailure({ n: 5, p: 0.1, trials: 0 })).toThrow("invalid trials: 0 (expected an integer >= 1)");
    expect(() => failure.simulateAnyFailure({ n: 5, p: 0.1, seed: -1 })).toThrow("invalid seed: -1 (expected an integer in [0, 4294967295])");
  });
});

describe("simulateKOfN and simulateSeriesAvailability", () => {
  it("contain the closed forms in their intervals", () => {
    const kofn = failure.simulateKOfN({ n: 5, k: 3, availability: 0.8, trials: 20_000, seed: 3, level });
    const exact = failure.kOfNAvailability({ n: 5, k: 3, availability: 0.8 });
    expect(kofn.lower).toBeLessThanOrEqual(exact);
    expect(kofn.upper).toBeGreaterThanOrEqual(exact);
    const tiers = failure.seed000Infrastructure({ availability: 0.95 });
    const series = failure.simulateSeriesAvailability(tiers, { trials: 20_000, seed: 5, level });
    const closed = failure.seriesAvailability(tiers).availability;
    expect(series.lower).toBeLessThanOrEqual(closed);
    expect(series.upper).toBeGreaterThanOrEqual(closed);
  });
  it("countBernoulli's hit rate matches p within its interval", () => {
    const hits = failure.countBernoulli(1_000_000, 0.3, 11);
    const sd = Math.sqrt(1_000_000 * 0.3 * 0.7);
    expect(Math.abs(hits - 300_000)).toBeLessThan(3.3 * sd);
  });
});
