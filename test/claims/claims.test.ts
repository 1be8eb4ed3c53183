import { describe, expect, it } from "vitest";
import { ClaimError, checkClaims, claim } from "../../src/claims/index";

describe("claim(section, text, value, rule)", () => {
  it("holds when the value meets each kind of rule", () => {
    expect(claim("1", "more than two", 2.63, { above: 2 }).holds).toBe(true);
    expect(claim("1", "under one", 1.116, { below: 1 }).holds).toBe(false);
    expect(claim("1", "at least 4", 4, { atLeast: 4 }).holds).toBe(true);
    expect(claim("1", "at most 3", 4, { atMost: 3 }).holds).toBe(false);
    expect(claim("1", "between", 0.5, { between: [0, 1] }).holds).toBe(true);
    expect(claim("1", "near 0.203", 0.2032, { near: 0.203, tolerance: 0.001 }).holds).toBe(true);
    expect(claim("1", "near 0.203", 0.21, { near: 0.203, tolerance: 0.001 }).holds).toBe(false);
  });

  it("states the rule in words with its tolerance", () => {
    expect(claim("1", "x", 1, { near: 0.203, tolerance: 0.005 }).expected).toBe("within 0.005 of 0.203");
    expect(claim("1", "x", 1, { above: 2 }).expected).toBe("> 2");
  });

  it("never holds for NaN or an infinite value", () => {
    expect(claim("1", "x", Number.NaN, { atMost: 1 }).holds).toBe(false);
    expect(claim("1", "x", Infinity, { above: 1 }).holds).toBe(false);
  });

  it("rejects an empty sentence and a negative tolerance", () => {
    expect(() => claim("1", "", 1, { above: 0 })).toThrow("invalid text");
    expect(() => claim("1", "x", 1, { near: 1, tolerance: -1 })).toThrow("invalid tolerance: -1");
  });
});

describe("checkClaims(claims)", () => {
  it("returns one row per claim when all hold", () => {
    const table = checkClaims([claim("1", "a", 3, { above: 2 }), claim("2", "b", 0.5, { below: 1 })]);
    expect(table.numRows()).toBe(2);
    expect(table.columnNames()).toEqual(["section", "claim", "value", "expected", "holds"]);
  });

  it("throws a ClaimError naming every claim the data contradict", () => {
    const run = () => checkClaims([claim("1.2", "the worst means more than two", 1.5, { above: 2 }), claim("3", "ok", 1, { above: 0 })]);
    expect(run).toThrow(ClaimError);
    expect(run).toThrow("[1.2] the worst means more than two: 1.5 (expected > 2)");
  });
});

describe("checkClaims(claims) table", () => {
  it("shows each value to four significant digits and says yes for a claim that holds", () => {
    const table = checkClaims([
      claim("4", "HDFS: 2.63 a day", 2.6301369, { near: 2.63, tolerance: 0.005 }),
      claim("6", "10⁻²⁰", 1e-20, { near: 1e-20, tolerance: 1e-22 }),
    ]);
    expect(table.objects()).toEqual([
      { section: "4", claim: "HDFS: 2.63 a day", value: "2.630", expected: "within 0.005 of 2.63", holds: "yes" },
      { section: "6", claim: "10⁻²⁰", value: "1.000 × 10⁻²⁰", expected: "within 1e-22 of 1e-20", holds: "yes" },
    ]);
  });
});
