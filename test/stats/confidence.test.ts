import { describe, expect, it } from "vitest";
import { meanInterval, proportionInterval, quantile, quantiles, zForLevel } from "../../src/stats";

describe("stats", () => {
  it("zForLevel gives the two-sided normal quantiles", () => {
    expect(zForLevel(0.95)).toBeCloseTo(1.959964, 5);
    expect(zForLevel(0.99)).toBeCloseTo(2.575829, 5);
  });
  it("proportionInterval is Wilson's score interval (10 of 100 at 95%: [0.0552, 0.1744])", () => {
    const e = proportionInterval(10, 100);
    expect(e.estimate).toBe(0.1);
    expect(e.lower).toBeCloseTo(0.0552, 4);
    expect(e.upper).toBeCloseTo(0.1744, 4);
    expect(proportionInterval(0, 10).lower).toBe(0);
    expect(() => proportionInterval(11, 10)).toThrow("invalid successes: 11 (expected an integer in [0, 10])");
  });
  it("meanInterval is centred on the mean", () => {
    const e = meanInterval([1, 2, 3, 4, 5]);
    expect(e.estimate).toBe(3);
    expect(e.upper - 3).toBeCloseTo(3 - e.lower, 12);
  });
  it("quantile and quantiles agree", () => {
    const xs = [5, 1, 4, 2, 3];
    expect(quantile(xs, 0.5)).toBe(3);
    expect(quantiles(xs, [0, 0.5, 1])).toEqual([1, 3, 5]);
    expect(() => quantile([], 0.5)).toThrow("invalid values: [] (expected a non-empty array)");
  });
});
