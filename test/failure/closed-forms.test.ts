import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failure } from "../../src";

describe("anyFailureProbability({ n, p })", () => {
  it("gives 1 - (1 - p)^n, e.g. the Tail at Scale's 63% and 18%", () => {
    expect(failure.anyFailureProbability({ n: 100, p: 0.01 })).toBeCloseTo(1 - 0.99 ** 100, 12);
    expect(failure.anyFailureProbability({ n: 100, p: 0.01 })).toBeCloseTo(0.634, 3);
    expect(failure.anyFailureProbability({ n: 2000, p: 0.0001 })).toBeCloseTo(0.181, 3);
    expect(failure.anyFailureProbability({ n: 0, p: 0.5 })).toBe(0);
    expect(failure.anyFailureProbability({ n: 3, p: 1 })).toBe(1);
  });
  it("keeps its digits for tiny p (n·p when n·p is small)", () => {
    expect(failure.anyFailureProbability({ n: 10, p: 1e-12 })).toBeCloseTo(1e-11, 20);
  });
  it("grows with n and with p", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
        const here = failure.anyFailureProbability({ n, p });
        expect(failure.anyFailureProbability({ n: n + 1, p })).toBeGreaterThanOrEqual(here);
        expect(failure.anyFailureProbability({ n, p: Math.min(1, p + 0.01) })).toBeGreaterThanOrEqual(here - 1e-15);
      }),
    );
  });
  it("rejects bad parameters with a message naming the parameter and its range", () => {
    expect(() => failure.anyFailureProbability({ n: -1, p: 0.1 })).toThrow(new RangeError("invalid n: -1 (expected an integer >= 0)"));
    expect(() => failure.anyFailureProbability({ n: 1.5, p: 0.1 })).toThrow("invalid n: 1.5 (expected an integer >= 0)");
    expect(() => failure.anyFailureProbability({ n: 10, p: 1.2 })).toThrow(new RangeError("invalid p: 1.2 (expected a number in [0, 1])"));
    expect(() => failure.anyFailureProbability({ n: 10, p: "0.1" as unknown as number })).toThrow(TypeError);
  });
});

describe("windowFailureProbability({ afr, days })", () => {
  it("is the afr over a whole year and compounds per day under a constant hazard", () => {
    expect(failure.windowFailureProbability({ afr: 0.03, days: 365 })).toBeCloseTo(0.03, 12);
    const day = failure.windowFailureProbability({ afr: 0.03, days: 1 });
    expect(1 - (1 - day) ** 365).toBeCloseTo(0.03, 12);
    expect(failure.windowFailureProbability({ afr: 0.03, days: 0 })).toBe(0);
  });
  it("rejects an afr of 1 or more and negative windows", () => {
    expect(() => failure.windowFailureProbability({ afr: 1, days: 1 })).toThrow("invalid afr: 1 (expected a number in [0, 1))");
    expect(() => failure.windowFailureProbability({ afr: 0.1, days: -2 })).toThrow("invalid days: -2 (expected a number in [0, ∞))");
  });
});

describe("expectedFailuresPerDay({ n, afr | mtbfYears })", () => {
  it("gives Dean's figure: 10,000 servers with a 30-year MTBF fail about once a day", () => {
    expect(failure.expectedFailuresPerDay({ n: 10_000, mtbfYears: 30 })).toBeCloseTo(10_000 / (30 * 365), 12);
    expect(failure.expectedFailuresPerDay({ n: 10_000, mtbfYears: 30 })).toBeGreaterThan(0.9);
  });
  it("from an AFR uses the daily hazard -ln(1 - afr)/365, close to n·afr/365 for small afr", () => {
    expect(failure.expectedFailuresPerDay({ n: 36_500, afr: 0.01 })).toBeCloseTo(-100 * Math.log(0.99) * 1, 10);
  });
  it("needs an afr or an MTBF", () => {
    expect(() => failure.expectedFailuresPerDay({ n: 10 })).toThrow("invalid afr: undefined (expected afr in [0, 1) or mtbfYears > 0)");
    expect(() => failure.expectedFailuresPerDay({ n: 10, mtbfYears: 0 })).toThrow("invalid mtbfYears: 0 (expected a number in (0, ∞))");
  });
});

describe("kOfNAvailability({ n, k, availability }) and nines(a)", () => {
  it("with k = 1 is 1 - (1 - a)^n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, a) => {
        expect(failure.kOfNAvailability({ n, availability: a })).toBeCloseTo(1 - (1 - a) ** n, 12);
      }),
    );
  });
  it("with k = n is a^n, and 2-of-3 matches the binomial sum", () => {
    expect(failure.kOfNAvailability({ n: 4, k: 4, availability: 0.9 })).toBeCloseTo(0.9 ** 4, 12);
    expect(failure.kOfNAvailability({ n: 3, k: 2, availability: 0.9 })).toBeCloseTo(3 * 0.81 * 0.1 + 0.729, 12);
  });
  it("keeps the nines of highly available systems", () => {
    expect(failure.nines(failure.kOfNAvailability({ n: 3, availability: 0.999 }))).toBeCloseTo(9, 6);
    expect(failure.nines(0.999)).toBeCloseTo(3, 12);
    expect(failure.nines(1)).toBe(Infinity);
  });
  it("falls as k rises", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (n, a) => {
        for (let k = 1; k < n; k++) {
          expect(failure.kOfNAvailability({ n, k: k + 1, availability: a })).toBeLessThanOrEqual(failure.kOfNAvailability({ n, k, availability: a }) + 1e-12);
        }
      }),
      { numRuns: 50 },
    );
  });
  it("rejects k outside [1, n]", () => {
    expect(() => failure.kOfNAvailability({ n: 3, k: 4, availability: 0.9 })).toThrow("invalid k: 4 (expected an integer in [1, 3])");
    expect(() => failure.nines(2)).toThrow("invalid availability: 2 (expected a number in [0, 1])");
  });
});
