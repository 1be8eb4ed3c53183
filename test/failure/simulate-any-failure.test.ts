import { describe, expect, it } from "vitest";
import { anyFailureProbability, simulateAnyFailure } from "../../src/failure";

describe("simulateAnyFailure({ n, p, trials, seed, level })", () => {
  it("holds the closed form in its 99.9% interval for the Tail at Scale's cases and a small cluster", () => {
    // 20,000 trials: the 99.9% half-width is at most 3.29·sqrt(0.25/20,000) ≈ 0.012, so a simulator
    // off by 0.02 or more fails this check; a correct one misses with probability 0.001 per case,
    // and the fixed seed makes the outcome the same on every run.
    for (const [n, p] of [
      [100, 0.01],
      [2000, 0.0001],
      [10, 0.05],
      [1, 0.5],
    ] as const) {
      const mc = simulateAnyFailure({ n, p, trials: 20_000, seed: 42, level: 0.999 });
      const exact = anyFailureProbability({ n, p });
      expect(mc.closedForm).toBe(exact);
      expect(mc.lower).toBeLessThanOrEqual(exact);
      expect(mc.upper).toBeGreaterThanOrEqual(exact);
      expect(mc.upper - mc.lower).toBeLessThan(0.025);
    }
  });

  it("returns estimate, lower, upper, level and trials, with estimate = successes / trials", () => {
    const mc = simulateAnyFailure({ n: 100, p: 0.01, trials: 1000, seed: 3 });
    expect(Object.keys(mc).sort()).toEqual(["closedForm", "estimate", "level", "lower", "successes", "trials", "upper"]);
    expect(mc.level).toBe(0.95);
    expect(mc.trials).toBe(1000);
    expect(mc.estimate).toBe(mc.successes / 1000);
    expect(mc.lower).toBeLessThanOrEqual(mc.estimate);
    expect(mc.upper).toBeGreaterThanOrEqual(mc.estimate);
  });

  it("covers the closed form with its 95% interval in about 95% of seeds", () => {
    // 200 independent seeds: misses ~ Binomial(200, 0.05), mean 10, sd 3.1. Outside [2, 20] happens
    // with probability < 0.002 for a calibrated interval; too-wide intervals give 0 misses, too narrow ones many.
    const exact = anyFailureProbability({ n: 20, p: 0.05 });
    let misses = 0;
    for (let seed = 0; seed < 200; seed++) {
      const mc = simulateAnyFailure({ n: 20, p: 0.05, trials: 400, seed });
      if (exact < mc.lower || exact > mc.upper) misses++;
    }
    expect(misses).toBeGreaterThanOrEqual(2);
    expect(misses).toBeLessThanOrEqual(20);
  });

  it("is certain at the edges: never with n = 0 or p = 0, always with p = 1", () => {
    expect(simulateAnyFailure({ n: 0, p: 0.5, trials: 100 }).successes).toBe(0);
    expect(simulateAnyFailure({ n: 50, p: 0, trials: 100 }).successes).toBe(0);
    expect(simulateAnyFailure({ n: 1, p: 1, trials: 100 }).successes).toBe(100);
  });

  it("is deterministic in its seed", () => {
    const a = simulateAnyFailure({ n: 50, p: 0.02, trials: 5_000, seed: 7 });
    expect(simulateAnyFailure({ n: 50, p: 0.02, trials: 5_000, seed: 7 })).toEqual(a);
    expect(simulateAnyFailure({ n: 50, p: 0.02, trials: 5_000, seed: 8 }).successes).not.toBe(a.successes);
  });

  it("rejects bad parameters, naming them", () => {
    expect(() => simulateAnyFailure({ n: -5, p: 0.1 })).toThrow(new RangeError("invalid n: -5 (expected an integer >= 0)"));
    expect(() => simulateAnyFailure({ n: 5, p: -0.1 })).toThrow(new RangeError("invalid p: -0.1 (expected a number in [0, 1])"));
    expect(() => simulateAnyFailure({ n: 5, p: 0.1, trials: 0 })).toThrow(new RangeError("invalid trials: 0 (expected an integer >= 1)"));
    expect(() => simulateAnyFailure({ n: 5, p: 0.1, seed: -1 })).toThrow(new RangeError("invalid seed: -1 (expected an integer in [0, 4294967295])"));
    expect(() => simulateAnyFailure({ n: 5, p: 0.1, level: 0 })).toThrow(new RangeError("invalid level: 0 (expected a number in (0, 1))"));
  });
});
