import { describe, expect, it } from "vitest";
import { PUBLISHED_FAILURE_RATES, sweepFailuresPerDay, type PublishedFailureRate } from "../../src/failure";

type Row = { label: string; afr: number; source: string; n: number; failures_per_day: number; days_between_failures: number };

describe("sweepFailuresPerDay({ ns, rates })", () => {
  it("gives n·afr/365 for every published rate and cluster size", () => {
    const rows = sweepFailuresPerDay({ ns: [1000, 10_000] }).objects() as Row[];
    expect(rows).toHaveLength(2 * PUBLISHED_FAILURE_RATES.length);
    rows.forEach((r) => {
      expect(r.failures_per_day).toBeCloseTo((r.n * r.afr) / 365, 14);
      expect(r.days_between_failures).toBeCloseTo(1 / r.failures_per_day, 12);
    });
    // Schroeder & Gibson's 3.01% at 10,000 disks: about 0.82 failures a day.
    expect(rows.find((r) => r.afr === 0.0301 && r.n === 10_000)!.failures_per_day).toBeCloseTo(0.8247, 4);
  });

  it("takes rates of one's own", () => {
    const rates: PublishedFailureRate[] = [{ label: "ours", unit: "node", afr: 0.365, source: "lab", citation: "our lab, 2026" }];
    expect(sweepFailuresPerDay({ ns: [10], rates }).objects()).toEqual([
      {
        label: "ours",
        unit: "node",
        afr: 0.365,
        source: "lab",
        n: 10,
        failures_per_day: expect.closeTo(0.01, 14),
        days_between_failures: expect.closeTo(100, 10),
      },
    ]);
  });

  it("names the bad entry", () => {
    expect(() => sweepFailuresPerDay({ ns: [1.5] })).toThrow(new RangeError("invalid ns[0]: 1.5 (expected an integer >= 0)"));
    expect(() => sweepFailuresPerDay({ rates: [] })).toThrow(new RangeError("invalid rates: [] (expected a non-empty array)"));
    expect(() => sweepFailuresPerDay({ rates: [{ label: "x", unit: "node", afr: 2, source: "", citation: "" }] })).toThrow(
      new RangeError("invalid rates[0].afr: 2 (expected a number in [0, 1])"),
    );
  });
});
