import { describe, expect, it } from "vitest";
import { anyFailureProbability, sweepWindow, windowFailureProbability } from "../../src/failure";

type Row = { afr: number; days: number; p: number; n: number; any_failure: number };

describe("sweepWindow({ afrs, days, n })", () => {
  it("gives the per-node probability for each (afr, window), reaching the afr at 365 days", () => {
    const rows = sweepWindow({ afrs: [0.05, 0.0136], days: [30, 365] }).objects() as Row[];
    expect(rows.map((r) => [r.afr, r.days])).toEqual([
      [0.05, 30],
      [0.05, 365],
      [0.0136, 30],
      [0.0136, 365],
    ]);
    expect(rows[1].p).toBeCloseTo(0.05, 14);
    expect(rows[0].p).toBe(windowFailureProbability({ afr: 0.05, days: 30 }));
    rows.forEach((r) => expect(r.any_failure).toBe(r.p));
  });

  it("adds the chance that any of n nodes fails in the window", () => {
    const rows = sweepWindow({ afrs: [0.0301], days: [1, 7, 30], n: 1000 }).objects() as Row[];
    rows.forEach((r) => expect(r.any_failure).toBe(anyFailureProbability({ n: 1000, p: r.p })));
    // 1,000 nodes at 3.01% a year: some node fails within a week with probability about 0.44.
    expect(rows[1].any_failure).toBeCloseTo(1 - 0.9699 ** (7000 / 365), 12);
  });

  it("defaults to Backblaze, Schroeder & Gibson and Pinheiro et al.'s third year over 1 day to a year", () => {
    const rows = sweepWindow().objects() as Row[];
    expect([...new Set(rows.map((r) => r.afr))]).toEqual([0.0136, 0.0301, 0.086]);
    expect([...new Set(rows.map((r) => r.days))]).toEqual([1, 7, 30, 90, 365]);
  });

  it("names the bad entry", () => {
    expect(() => sweepWindow({ afrs: [0.1, 1] })).toThrow(new RangeError("invalid afrs[1]: 1 (expected a number in [0, 1))"));
    expect(() => sweepWindow({ days: [-1] })).toThrow(new RangeError("invalid days[0]: -1 (expected a number in [0, ∞))"));
    expect(() => sweepWindow({ n: -1 })).toThrow(new RangeError("invalid n: -1 (expected an integer >= 0)"));
  });
});
