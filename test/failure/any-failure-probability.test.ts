import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyFailureProbability } from "../../src/failure";

describe("anyFailureProbability({ n, p })", () => {
  it("gives 1 - 0.99^100 = 0.634 and 1 - 0.9999^2000 = 0.181 (The Tail at Scale's 63% and 18%)", () => {
    expect(anyFailureProbability({ n: 100, p: 0.01 })).toBeCloseTo(1 - 0.99 ** 100, 14);
    expect(anyFailureProbability({ n: 100, p: 0.01 })).toBeCloseTo(0.634, 3);
    expect(anyFailureProbability({ n: 2000, p: 0.0001 })).toBeCloseTo(0.181, 3);
  });

  it("is 0 for an empty cluster or p = 0, and 1 for p = 1 with at least one node", () => {
    expect(anyFailureProbability({ n: 0, p: 0.5 })).toBe(0);
    expect(anyFailureProbability({ n: 0, p: 1 })).toBe(0);
    expect(anyFailureProbability({ n: 1000, p: 0 })).toBe(0);
    expect(anyFailureProbability({ n: 3, p: 1 })).toBe(1);
    expect(anyFailureProbability({ n: 1, p: 0.3 })).toBe(0.3);
  });

  it("keeps its digits for tiny p, where 1 - (1 - p)^n computed naively loses them", () => {
    // (1 - 1e-12)^10 rounds to a double whose distance from 1 is off by about 1e-4 relative.
    expect(anyFailureProbability({ n: 10, p: 1e-12 }) / 1e-11).toBeCloseTo(1, 10);
    expect(anyFailureProbability({ n: 1e6, p: 1e-15 }) / 1e-9).toBeCloseTo(1, 8);
  });

  it("never decreases as n or p grows, and stays in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, dn, p, q) => {
          const here = anyFailureProbability({ n, p });
          expect(here).toBeGreaterThanOrEqual(0);
          expect(here).toBeLessThanOrEqual(1);
          expect(anyFailureProbability({ n: n + dn, p })).toBeGreaterThanOrEqual(here);
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          expect(anyFailureProbability({ n, p: hi })).toBeGreaterThanOrEqual(anyFailureProbability({ n, p: lo }));
        },
      ),
    );
  });

  it("composes: a cluster of m + n nodes survives when both parts survive", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (m, n, p) => {
        const both = (1 - anyFailureProbability({ n: m, p })) * (1 - anyFailureProbability({ n, p }));
        expect(1 - anyFailureProbability({ n: m + n, p })).toBeCloseTo(both, 12);
      }),
    );
  });

  it("rejects bad parameters with a message naming the parameter, the value and the range", () => {
    expect(() => anyFailureProbability({ n: -1, p: 0.1 })).toThrow(new RangeError("invalid n: -1 (expected an integer >= 0)"));
    expect(() => anyFailureProbability({ n: 1.5, p: 0.1 })).toThrow(new RangeError("invalid n: 1.5 (expected an integer >= 0)"));
    expect(() => anyFailureProbability({ n: 10, p: 1.2 })).toThrow(new RangeError("invalid p: 1.2 (expected a number in [0, 1])"));
    expect(() => anyFailureProbability({ n: 10, p: NaN })).toThrow(new RangeError("invalid p: NaN (expected a number in [0, 1])"));
    expect(() => anyFailureProbability({ n: 10, p: "0.1" as unknown as number })).toThrow(new TypeError('invalid p: "0.1" (expected a number in [0, 1])'));
  });
});
