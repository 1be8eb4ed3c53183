import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { windowFailureProbability } from "../../src/failure";

describe("windowFailureProbability({ afr, days })", () => {
  it("is the afr over 365 days and 1 - (1 - afr)^(days/365) in general", () => {
    expect(windowFailureProbability({ afr: 0.03, days: 365 })).toBeCloseTo(0.03, 14);
    expect(windowFailureProbability({ afr: 0.03, days: 730 })).toBeCloseTo(1 - 0.97 ** 2, 14);
    expect(windowFailureProbability({ afr: 0.0301, days: 30 })).toBeCloseTo(1 - 0.9699 ** (30 / 365), 14);
    expect(windowFailureProbability({ afr: 0.03, days: 0 })).toBe(0);
    expect(windowFailureProbability({ afr: 0, days: 100 })).toBe(0);
  });

  it("defaults to a one-day window", () => {
    expect(windowFailureProbability({ afr: 0.05 })).toBe(windowFailureProbability({ afr: 0.05, days: 1 }));
  });

  it("is memoryless: surviving d1 + d2 days is surviving d1 then d2 (constant hazard)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (afr, d1, d2) => {
          const survive = (days: number) => 1 - windowFailureProbability({ afr, days });
          expect(survive(d1 + d2)).toBeCloseTo(survive(d1) * survive(d2), 12);
        },
      ),
    );
  });

  it("grows with the window and with the afr", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 3650, noNaN: true }), (afr, days) => {
        const here = windowFailureProbability({ afr, days });
        expect(windowFailureProbability({ afr, days: days + 1 })).toBeGreaterThanOrEqual(here);
        expect(windowFailureProbability({ afr: afr + 0.1, days })).toBeGreaterThanOrEqual(here);
      }),
    );
  });

  it("rejects an afr outside [0, 1) and negative windows", () => {
    expect(() => windowFailureProbability({ afr: 1, days: 1 })).toThrow(new RangeError("invalid afr: 1 (expected a number in [0, 1))"));
    expect(() => windowFailureProbability({ afr: -0.1 })).toThrow(new RangeError("invalid afr: -0.1 (expected a number in [0, 1))"));
    expect(() => windowFailureProbability({ afr: 0.1, days: -2 })).toThrow(new RangeError("invalid days: -2 (expected a number in [0, ∞))"));
    expect(() => windowFailureProbability({ afr: 0.1, days: Infinity })).toThrow(new RangeError("invalid days: Infinity (expected a number in [0, ∞))"));
  });
});
