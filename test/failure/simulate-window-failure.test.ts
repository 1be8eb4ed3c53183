import { describe, expect, it } from "vitest";
import { anyFailureProbability, simulateWindowFailure, windowFailureProbability } from "../../src/failure";

describe("simulateWindowFailure({ afr, days, n, trials, seed, level })", () => {
  it("holds 1 - (1 - afr)^(n·days/365) in its 99.9% interval, drawing exponential lifetimes", () => {
    // 20,000 trials, fixed seeds: the 99.9% half-width is at most 0.012 (see simulateAnyFailure's test).
    for (const [afr, days, n] of [
      [0.0301, 30, 100],
      [0.086, 365, 10],
      [0.0136, 7, 1000],
      [0.5, 365, 1],
    ] as const) {
      const mc = simulateWindowFailure({ afr, days, n, trials: 20_000, seed: 12, level: 0.999 });
      const exact = anyFailureProbability({ n, p: windowFailureProbability({ afr, days }) });
      expect(mc.closedForm).toBeCloseTo(exact, 15);
      expect(mc.lower).toBeLessThanOrEqual(exact);
      expect(mc.upper).toBeGreaterThanOrEqual(exact);
    }
  });

  it("never fails with afr = 0, a zero window or no nodes", () => {
    expect(simulateWindowFailure({ afr: 0, days: 365, n: 100, trials: 100 }).successes).toBe(0);
    expect(simulateWindowFailure({ afr: 0.5, days: 0, n: 100, trials: 100 }).successes).toBe(0);
    expect(simulateWindowFailure({ afr: 0.5, days: 30, n: 0, trials: 100 }).successes).toBe(0);
  });

  it("is deterministic in its seed and defaults to one node over one day", () => {
    const a = simulateWindowFailure({ afr: 0.9, trials: 5000, seed: 4 });
    expect(simulateWindowFailure({ afr: 0.9, days: 1, n: 1, trials: 5000, seed: 4 })).toEqual(a);
    expect(a.closedForm).toBeCloseTo(windowFailureProbability({ afr: 0.9, days: 1 }), 15);
  });

  it("rejects bad parameters, naming them", () => {
    expect(() => simulateWindowFailure({ afr: 1, days: 30 })).toThrow(new RangeError("invalid afr: 1 (expected a number in [0, 1))"));
    expect(() => simulateWindowFailure({ afr: 0.1, days: -1 })).toThrow(new RangeError("invalid days: -1 (expected a number in [0, ∞))"));
    expect(() => simulateWindowFailure({ afr: 0.1, n: 2.5 })).toThrow(new RangeError("invalid n: 2.5 (expected an integer >= 0)"));
    expect(() => simulateWindowFailure({ afr: 0.1, trials: 0 })).toThrow(new RangeError("invalid trials: 0 (expected an integer >= 1)"));
  });
});
