import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/format/index";

describe("formatNumber(value, options)", () => {
  it("shows three significant digits by default", () => {
    expect(formatNumber(0.97029901)).toBe("0.970");
    expect(formatNumber(2.6301369)).toBe("2.63");
    expect(formatNumber(63.39676587)).toBe("63.4");
  });

  it("groups the thousands of integers and of large values", () => {
    expect(formatNumber(10_000)).toBe("10,000");
    expect(formatNumber(1234.5)).toBe("1,230");
  });

  it("writes small magnitudes as powers of ten and none below the floor", () => {
    expect(formatNumber(2.7e-5)).toBe("2.70 × 10⁻⁵");
    expect(formatNumber(2.7e-20)).toBe("< 1e-15");
    expect(formatNumber(-2.7e-20)).toBe("−< 1e-15");
    expect(formatNumber(3e-9, { floor: 1e-6 })).toBe("< 0.000001");
  });

  it("shows percentages, NaN as a dash and infinities as ∞", () => {
    expect(formatNumber(0.6339676587, { percent: true })).toBe("63.4%");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(0)).toBe("0");
  });

  it("rejects a digit count outside [1, 12]", () => {
    expect(() => formatNumber(1, { digits: 0 })).toThrow("invalid digits: 0 (expected an integer in [1, 12])");
  });
});
