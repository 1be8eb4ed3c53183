import { describe, expect, it } from "vitest";
import { kOfNAvailability, simulateKOfN } from "../../src/failure";

describe("simulateKOfN({ n, k, availability, trials, seed, level })", () => {
  it("holds the binomial closed form in its 99.9% interval", () => {
    // As for simulateAnyFailure: 20,000 trials give a 99.9% half-width ≤ 0.012, fixed seeds.
    for (const [n, k, a] of [
      [5, 3, 0.8],
      [3, 2, 0.9],
      [7, 1, 0.3],
      [4, 4, 0.9],
    ] as const) {
      const mc = simulateKOfN({ n, k, availability: a, trials: 20_000, seed: 3, level: 0.999 });
      const exact = kOfNAvailability({ n, k, availability: a });
      expect(mc.closedForm).toBe(exact);
      expect(mc.lower).toBeLessThanOrEqual(exact);
      expect(mc.upper).toBeGreaterThanOrEqual(exact);
    }
  });

  it("defaults to k = 1", () => {
    expect(simulateKOfN({ n: 3, availability: 0.5, trials: 1000, seed: 2 })).toEqual(simulateKOfN({ n: 3, k: 1, availability: 0.5, trials: 1000, seed: 2 }));
  });

  it("is deterministic in its seed", () => {
    const a = simulateKOfN({ n: 5, k: 3, availability: 0.7, trials: 3000, seed: 9 });
    expect(simulateKOfN({ n: 5, k: 3, availability: 0.7, trials: 3000, seed: 9 })).toEqual(a);
  });

  it("rejects k outside [1, n], naming it", () => {
    expect(() => simulateKOfN({ n: 3, k: 5, availability: 0.9 })).toThrow(new RangeError("invalid k: 5 (expected an integer in [1, 3])"));
    expect(() => simulateKOfN({ n: 3, availability: 0.9, trials: -1 })).toThrow(new RangeError("invalid trials: -1 (expected an integer >= 1)"));
  });
});
