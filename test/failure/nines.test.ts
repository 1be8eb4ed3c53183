import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nines } from "../../src/failure";

describe("nines(availability)", () => {
  it("is -log10(1 - a): 0.9 has one nine, 0.999 three, 0.9995 about 3.3", () => {
    expect(nines(0.9)).toBeCloseTo(1, 12);
    expect(nines(0.999)).toBeCloseTo(3, 12);
    expect(nines(0.9995)).toBeCloseTo(3.301, 3);
    expect(nines(0)).toBe(0);
    expect(nines(1)).toBe(Infinity);
  });

  it("grows with availability", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), (a) => {
        expect(nines(a + 0.0005)).toBeGreaterThan(nines(a));
      }),
    );
  });

  it("rejects values outside [0, 1]", () => {
    expect(() => nines(2)).toThrow(new RangeError("invalid availability: 2 (expected a number in [0, 1])"));
    expect(() => nines(-0.1)).toThrow(new RangeError("invalid availability: -0.1 (expected a number in [0, 1])"));
  });
});
