import { describe, expect, it } from "vitest";
import { expectedFailuresPerDay } from "../../src/failure";

describe("expectedFailuresPerDay({ n, afr | mtbfYears })", () => {
  it("gives Dean's figure: 10,000 servers with a 30-year MTBF fail about once a day (0.91)", () => {
    const perDay = expectedFailuresPerDay({ n: 10_000, mtbfYears: 30 });
    expect(perDay).toBeCloseTo(10_000 / (30 * 365), 14);
    // Dean (LADIS 2009) says "about one a day"; the arithmetic gives 0.913.
    expect(perDay).toBeCloseTo(0.91, 2);
  });

  it("from an afr is n·afr/365, failures per node-year spread over the days", () => {
    expect(expectedFailuresPerDay({ n: 36_500, afr: 0.01 })).toBeCloseTo(1, 14);
    expect(expectedFailuresPerDay({ n: 10_000, afr: 0.0301 })).toBeCloseTo(0.8247, 4);
    expect(expectedFailuresPerDay({ n: 0, afr: 0.05 })).toBe(0);
  });

  it("agrees between an afr and the MTBF 1/afr", () => {
    for (const afr of [0.0136, 0.0301, 0.086]) {
      expect(expectedFailuresPerDay({ n: 5000, afr })).toBeCloseTo(expectedFailuresPerDay({ n: 5000, mtbfYears: 1 / afr }), 12);
    }
  });

  it("needs exactly one of afr and mtbfYears, each in range", () => {
    expect(() => expectedFailuresPerDay({ n: 10 })).toThrow(new TypeError("invalid afr: undefined (expected a number in [0, 1], or mtbfYears > 0)"));
    expect(() => expectedFailuresPerDay({ n: 10, afr: 0.1, mtbfYears: 10 })).toThrow(
      new RangeError("invalid mtbfYears: 10 (expected no mtbfYears when afr is given)"),
    );
    expect(() => expectedFailuresPerDay({ n: 10, mtbfYears: 0 })).toThrow(new RangeError("invalid mtbfYears: 0 (expected a number in (0, ∞))"));
    expect(() => expectedFailuresPerDay({ n: 10, afr: 1.5 })).toThrow(new RangeError("invalid afr: 1.5 (expected a number in [0, 1])"));
    expect(() => expectedFailuresPerDay({ n: -3, afr: 0.1 })).toThrow(new RangeError("invalid n: -3 (expected an integer >= 0)"));
  });
});
