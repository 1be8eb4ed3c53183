import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kOfNAvailability, kOfNUnavailability } from "../../src/failure";

/** The binomial sum written out term by term: the definition the stable version must match. */
function binomialSum(n: number, k: number, a: number): number {
  let choose = 1;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += choose * a ** i * (1 - a) ** (n - i);
    choose = (choose * (n - i)) / (i + 1);
  }
  return sum;
}

describe("kOfNAvailability({ n, k, availability })", () => {
  it("with k = 1 (the default) is 1 - (1 - a)^n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, a) => {
        expect(kOfNAvailability({ n, availability: a })).toBeCloseTo(1 - (1 - a) ** n, 12);
        expect(kOfNAvailability({ n, k: 1, availability: a })).toBe(kOfNAvailability({ n, availability: a }));
      }),
    );
  });

  it("with k = n is a^n, and in general matches the binomial sum", () => {
    expect(kOfNAvailability({ n: 4, k: 4, availability: 0.9 })).toBeCloseTo(0.9 ** 4, 14);
    expect(kOfNAvailability({ n: 3, k: 2, availability: 0.9 })).toBeCloseTo(3 * 0.81 * 0.1 + 0.729, 14);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, kRaw, a) => {
        const k = Math.min(n, kRaw);
        expect(kOfNAvailability({ n, k, availability: a })).toBeCloseTo(binomialSum(n, k, a), 10);
      }),
    );
  });

  it("falls as k rises, rises with n and with the per-replica availability", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.95, noNaN: true }), (n, a) => {
        for (let k = 1; k < n; k++)
          expect(kOfNAvailability({ n, k: k + 1, availability: a })).toBeLessThanOrEqual(kOfNAvailability({ n, k, availability: a }) + 1e-12);
        expect(kOfNAvailability({ n: n + 1, availability: a })).toBeGreaterThanOrEqual(kOfNAvailability({ n, availability: a }));
        expect(kOfNAvailability({ n, k: Math.ceil(n / 2), availability: a + 0.05 })).toBeGreaterThanOrEqual(
          kOfNAvailability({ n, k: Math.ceil(n / 2), availability: a }) - 1e-12,
        );
      }),
      { numRuns: 60 },
    );
  });

  it("is 1 at a = 1 and 0 at a = 0", () => {
    expect(kOfNAvailability({ n: 5, k: 3, availability: 1 })).toBe(1);
    expect(kOfNAvailability({ n: 5, k: 3, availability: 0 })).toBe(0);
  });

  it("rejects n below 1, k outside [1, n] and availabilities outside [0, 1]", () => {
    expect(() => kOfNAvailability({ n: 0, availability: 0.9 })).toThrow(new RangeError("invalid n: 0 (expected an integer >= 1)"));
    expect(() => kOfNAvailability({ n: 3, k: 4, availability: 0.9 })).toThrow(new RangeError("invalid k: 4 (expected an integer in [1, 3])"));
    expect(() => kOfNAvailability({ n: 3, k: 0, availability: 0.9 })).toThrow(new RangeError("invalid k: 0 (expected an integer in [1, 3])"));
    expect(() => kOfNAvailability({ n: 3, availability: -0.5 })).toThrow(new RangeError("invalid availability: -0.5 (expected a number in [0, 1])"));
  });
});

describe("kOfNUnavailability({ n, k, availability })", () => {
  it("is the complement of the availability", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, kRaw, a) => {
        const options = { n, k: Math.min(n, kRaw), availability: a };
        expect(kOfNAvailability(options) + kOfNUnavailability(options)).toBeCloseTo(1, 12);
      }),
    );
  });

  it("keeps the digits that 1 - availability rounds away: 10 replicas at 99% are down 1e-20 of the time", () => {
    expect(kOfNUnavailability({ n: 10, availability: 0.99 }) / 1e-20).toBeCloseTo(1, 10);
    expect(1 - kOfNAvailability({ n: 10, availability: 0.99 })).toBe(0);
    // 2-of-3 at 99.9%: down when two or three fail, 3·(0.001)²·0.999 + 0.001³.
    expect(kOfNUnavailability({ n: 3, k: 2, availability: 0.999 }) / (3 * 1e-6 * 0.999 + 1e-9)).toBeCloseTo(1, 10);
  });
});
