import { describe, expect, it } from "vitest";
import { deriveSeed, simulateAnyFailure, sweepClusterSize } from "../../src/failure";

type Row = { p: number; n: number; closed_form: number; estimate: number; lower: number; upper: number; trials: number; level: number };

describe("sweepClusterSize({ ns, ps, trials, seed, level })", () => {
  it("returns one row per (p, n) with the closed form, the estimate and its interval", () => {
    const table = sweepClusterSize({ ns: [1, 10, 100, 1000], ps: [0.001, 0.01], trials: 2_000, seed: 1 });
    expect(table.numRows()).toBe(8);
    expect(table.columnNames()).toEqual(["p", "n", "closed_form", "estimate", "lower", "upper", "trials", "level"]);
    const rows = table.objects() as Row[];
    expect(rows.map((r) => [r.p, r.n])).toEqual([
      [0.001, 1],
      [0.001, 10],
      [0.001, 100],
      [0.001, 1000],
      [0.01, 1],
      [0.01, 10],
      [0.01, 100],
      [0.01, 1000],
    ]);
    expect(rows.find((r) => r.p === 0.01 && r.n === 100)!.closed_form).toBeCloseTo(0.634, 3);
    // Eight independent 95% intervals: P(two or more miss) = 1 - 0.95^8 - 8·0.05·0.95^7 ≈ 0.057,
    // so this allows one miss; a biased simulator would miss at the large-n points, where the intervals are narrow.
    const inside = rows.filter((r) => r.lower <= r.closed_form && r.closed_form <= r.upper).length;
    expect(inside).toBeGreaterThanOrEqual(7);
  });

  it("draws each point from a seed hashed from (seed, p, n), so other points do not move it", () => {
    const alone = sweepClusterSize({ ns: [100], ps: [0.01], trials: 1000, seed: 3 }).objects()[0] as Row;
    const among = (sweepClusterSize({ ns: [10, 100, 1000], ps: [0.05, 0.01], trials: 1000, seed: 3 }).objects() as Row[]).find(
      (r) => r.n === 100 && r.p === 0.01,
    )!;
    expect(among).toEqual(alone);
    expect(alone.estimate).toBe(simulateAnyFailure({ n: 100, p: 0.01, trials: 1000, seed: deriveSeed(3, 0.01, 100) }).estimate);
  });

  it("gives an identical table for the same seed and a different one for another seed", () => {
    const a = sweepClusterSize({ ns: [5, 50], trials: 500, seed: 9 }).objects();
    expect(sweepClusterSize({ ns: [5, 50], trials: 500, seed: 9 }).objects()).toEqual(a);
    expect(sweepClusterSize({ ns: [5, 50], trials: 500, seed: 10 }).objects()).not.toEqual(a);
  });

  it("skips the simulation with trials = 0", () => {
    const rows = sweepClusterSize({ ns: [10], ps: [0.1], trials: 0 }).objects() as Row[];
    expect(rows[0].closed_form).toBeCloseTo(1 - 0.9 ** 10, 14);
    expect([rows[0].estimate, rows[0].lower, rows[0].upper]).toEqual([NaN, NaN, NaN]);
  });

  it("names the bad entry of a list and the bad option", () => {
    expect(() => sweepClusterSize({ ps: [0.1, 2] })).toThrow(new RangeError("invalid ps[1]: 2 (expected a number in [0, 1])"));
    expect(() => sweepClusterSize({ ns: [10, -1] })).toThrow(new RangeError("invalid ns[1]: -1 (expected an integer >= 0)"));
    expect(() => sweepClusterSize({ ns: [] })).toThrow(new RangeError("invalid ns: [] (expected a non-empty array)"));
    expect(() => sweepClusterSize({ trials: -1 })).toThrow(new RangeError("invalid trials: -1 (expected an integer >= 0)"));
    expect(() => sweepClusterSize({ seed: 1.5 })).toThrow(new RangeError("invalid seed: 1.5 (expected an integer in [0, 4294967295])"));
    expect(() => sweepClusterSize({ level: 95 })).toThrow(new RangeError("invalid level: 95 (expected a number in (0, 1))"));
  });
});
