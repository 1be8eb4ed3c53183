import { describe, expect, it } from "vitest";
import { failure } from "../../src";

describe("sweepClusterSize({ ns, ps, trials, seed })", () => {
  it("returns one row per (p, n) with the closed form inside most intervals", () => {
    const table = failure.sweepClusterSize({ ns: [1, 10, 100, 1000], ps: [0.001, 0.01], trials: 2_000, seed: 1 });
    expect(table.numRows()).toBe(8);
    expect(table.columnNames()).toEqual(["p", "n", "closed_form", "estimate", "lower", "upper", "trials"]);
    const rows = table.objects() as { closed_form: number; lower: number; upper: number }[];
    const inside = rows.filter((r) => r.lower <= r.closed_form && r.closed_form <= r.upper).length;
    // 95% intervals: all 8 inside is the likely outcome; allow one miss (P(≥2 misses) < 6%).
    expect(inside).toBeGreaterThanOrEqual(7);
  });
  it("gives an identical table for the same seed", () => {
    const a = failure.sweepClusterSize({ ns: [5, 50], trials: 500, seed: 9 }).objects();
    expect(failure.sweepClusterSize({ ns: [5, 50], trials: 500, seed: 9 }).objects()).toEqual(a);
  });
  it("names the bad entry of a list", () => {
    expect(() => failure.sweepClusterSize({ ps: [0.1, 2] })).toThrow("invalid ps[1]: 2 (expected a number in [0, 1])");
  });
});

describe("sweepReplicas, sweepWindow, sweepFailuresPerDay, scalingCost", () => {
  it("sweepReplicas adds about one nine per replica at 90% per replica", () => {
    const rows = failure.sweepReplicas({ availabilities: [0.9], maxReplicas: 4 }).objects() as { n: number; nines: number }[];
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    rows.forEach((r) => expect(r.nines).toBeCloseTo(r.n, 9));
  });
  it("sweepFailuresPerDay scales linearly with n for every published rate", () => {
    const rows = failure.sweepFailuresPerDay({ ns: [1000, 2000] }).objects() as { failures_per_day: number }[];
    expect(rows).toHaveLength(2 * failure.PUBLISHED_FAILURE_RATES.length);
    for (let i = 0; i < rows.length; i += 2) expect(rows[i + 1].failures_per_day).toBeCloseTo(2 * rows[i].failures_per_day, 12);
  });
  it("sweepWindow reaches the afr at 365 days", () => {
    const rows = failure.sweepWindow({ afrs: [0.05], days: [365] }).objects() as { p: number }[];
    expect(rows[0].p).toBeCloseTo(0.05, 12);
  });
  it("scalingCost makes scale-up dearer than scale-out beyond a few machines", () => {
    const rows = failure.scalingCost().objects() as { capacity: number; scale_up: number; scale_out: number }[];
    expect(rows[0]).toEqual({ capacity: 1, scale_up: 1, scale_out: 1 });
    expect(rows.at(-1)!.scale_up).toBeGreaterThan(rows.at(-1)!.scale_out);
    expect(() => failure.scalingCost({ exponent: 0.5 })).toThrow("invalid exponent: 0.5 (expected a number in [1, 4])");
  });
});
