import { describe, expect, it } from "vitest";
import { countBernoulli } from "../../src/failure";
import { bernoulliThreshold } from "../../src/failure/count-bernoulli";
import { proportionInterval } from "../../src/stats";

describe("bernoulliThreshold(p)", () => {
  it("maps p to the uint32 cut-off p·2^32: 0 never fires, 1 always does", () => {
    expect(bernoulliThreshold(0)).toBe(0);
    expect(bernoulliThreshold(1)).toBe(2 ** 32);
    expect(bernoulliThreshold(0.5)).toBe(2 ** 31);
    expect(Math.abs(bernoulliThreshold(0.01) / 2 ** 32 - 0.01)).toBeLessThanOrEqual(2 ** -33);
  });
});

describe("countBernoulli(n, p, seed)", () => {
  it("comes up true at rate p: 10^6 draws at p = 0.3 hold 0.3 inside their 99.9% Wilson interval", () => {
    // A fixed seed makes the check reproducible; a bias of 0.002 or more would fall outside (half-width ≈ 0.0015).
    const hits = countBernoulli(1_000_000, 0.3, 11);
    const interval = proportionInterval(hits, 1_000_000, 0.999);
    expect(interval.lower).toBeLessThanOrEqual(0.3);
    expect(interval.upper).toBeGreaterThanOrEqual(0.3);
  });

  it("is all or nothing at p = 1 and p = 0, and repeatable for a seed", () => {
    expect(countBernoulli(1000, 1)).toBe(1000);
    expect(countBernoulli(1000, 0)).toBe(0);
    expect(countBernoulli(10_000, 0.4, 5)).toBe(countBernoulli(10_000, 0.4, 5));
    expect(countBernoulli(10_000, 0.4, 5)).not.toBe(countBernoulli(10_000, 0.4, 6));
  });

  it("rejects bad counts, probabilities and seeds", () => {
    expect(() => countBernoulli(-1, 0.5)).toThrow(new RangeError("invalid n: -1 (expected an integer >= 0)"));
    expect(() => countBernoulli(10, 2)).toThrow(new RangeError("invalid p: 2 (expected a number in [0, 1])"));
    expect(() => countBernoulli(10, 0.5, 2 ** 32)).toThrow(new RangeError("invalid seed: 4294967296 (expected an integer in [0, 4294967295])"));
  });
});
