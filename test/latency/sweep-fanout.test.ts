import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("sweepFanout(options)", () => {
  it("gives one row per fan-out whose 95% interval holds the closed form 1 - (1 - q)^n", () => {
    const rows = latency.sweepFanout({ fanouts: [1, 10, 100, 1000], slowProbability: 0.01, trials: 4000, seed: 3 }).objects() as {
      fanout: number;
      closed_form: number;
      lower: number;
      upper: number;
    }[];
    expect(rows.map((r) => r.fanout)).toEqual([1, 10, 100, 1000]);
    for (const r of rows) {
      expect(r.closed_form).toBeCloseTo(1 - 0.99 ** r.fanout, 12);
      expect(r.lower).toBeLessThanOrEqual(r.closed_form);
      expect(r.upper).toBeGreaterThanOrEqual(r.closed_form);
    }
  });
  it("rejects an empty list and a fan-out of 0", () => {
    expect(() => latency.sweepFanout({ fanouts: [] })).toThrow("invalid fanouts: [] (expected a non-empty array)");
    expect(() => latency.sweepFanout({ fanouts: [1, 0] })).toThrow("invalid fanouts[1]: 0 (expected an integer in [1, 1000000])");
  });
});
