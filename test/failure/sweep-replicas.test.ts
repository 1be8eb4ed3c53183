import { describe, expect, it } from "vitest";
import { kOfNAvailability, sweepReplicas } from "../../src/failure";

type Row = {
  availability: number;
  k: number;
  n: number;
  system_availability: number;
  unavailability: number;
  nines: number;
  estimate: number;
  lower: number;
  upper: number;
};

describe("sweepReplicas({ maxReplicas, availabilities, k, ks, trials, seed, level })", () => {
  it("adds one nine per replica at 90% per replica, two at 99% (k = 1)", () => {
    const rows = sweepReplicas({ availabilities: [0.9, 0.99], maxReplicas: 4 }).objects() as Row[];
    expect(rows.map((r) => [r.availability, r.n])).toEqual([
      [0.9, 1],
      [0.9, 2],
      [0.9, 3],
      [0.9, 4],
      [0.99, 1],
      [0.99, 2],
      [0.99, 3],
      [0.99, 4],
    ]);
    rows.forEach((r) => expect(r.nines).toBeCloseTo(r.n * (r.availability === 0.9 ? 1 : 2), 9));
  });

  it("sweeps several k at once, n running from k to maxReplicas, with the k-of-n closed form", () => {
    const rows = sweepReplicas({ availabilities: [0.95], ks: [1, 2, 3], maxReplicas: 5 }).objects() as Row[];
    expect(rows.filter((r) => r.k === 3).map((r) => r.n)).toEqual([3, 4, 5]);
    expect(rows).toHaveLength(5 + 4 + 3);
    rows.forEach((r) => expect(r.system_availability).toBe(kOfNAvailability({ n: r.n, k: r.k, availability: 0.95 })));
  });

  it("adds Monte Carlo estimates whose 99.9% intervals hold the closed form, identical for the same seed", () => {
    // 20,000 trials per point and fixed seeds, as in simulateKOfN's test.
    const options = { availabilities: [0.7], ks: [1, 2], maxReplicas: 3, trials: 20_000, seed: 2, level: 0.999 };
    const rows = sweepReplicas(options).objects() as Row[];
    rows.forEach((r) => {
      expect(r.lower).toBeLessThanOrEqual(r.system_availability);
      expect(r.upper).toBeGreaterThanOrEqual(r.system_availability);
    });
    expect(sweepReplicas(options).objects()).toEqual(rows);
  });

  it("rejects a maxReplicas below the largest k and bad entries", () => {
    expect(() => sweepReplicas({ ks: [1, 4], maxReplicas: 3 })).toThrow(new RangeError("invalid maxReplicas: 3 (expected an integer >= 4)"));
    expect(() => sweepReplicas({ k: 0 })).toThrow(new RangeError("invalid k: 0 (expected an integer >= 1)"));
    expect(() => sweepReplicas({ ks: [2, 0] })).toThrow(new RangeError("invalid ks[1]: 0 (expected an integer >= 1)"));
    expect(() => sweepReplicas({ availabilities: [0.9, 1.5] })).toThrow(new RangeError("invalid availabilities[1]: 1.5 (expected a number in [0, 1])"));
  });
});
