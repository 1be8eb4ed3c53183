import { describe, expect, it } from "vitest";
import { staleReads } from "../../src/transparency/index";

type Row = { delay_ms: number; stale_fraction: number; lower: number; upper: number; closed_form: number };

describe("staleReads({ replicas, lagMs, delaysMs, trials, seed })", () => {
  it("converges to ((R − 1)/R)·e^(−delay/L) at the chapter's parameters", () => {
    for (const seed of [1, 2026]) {
      const rows = staleReads({ replicas: 3, lagMs: 100, trials: 20_000, seed }).objects() as Row[];
      // 20,000 reads: the standard error is at most 0.0036, so 0.015 is more than 4 of them.
      for (const r of rows) expect(Math.abs(r.stale_fraction - r.closed_form)).toBeLessThan(0.015);
      expect(rows[0].closed_form).toBeCloseTo(2 / 3, 12);
    }
  });

  it("never reads stale data from a single replica, and reads less stale data as the delay grows", () => {
    expect((staleReads({ replicas: 1 }).objects() as Row[]).every((r) => r.stale_fraction === 0)).toBe(true);
    const fractions = (staleReads({ delaysMs: [0, 200, 800], seed: 3 }).objects() as Row[]).map((r) => r.stale_fraction);
    expect(fractions[0]).toBeGreaterThan(fractions[1]);
    expect(fractions[1]).toBeGreaterThan(fractions[2]);
  });

  it("gives the same numbers for the same seed and names a bad parameter", () => {
    expect(staleReads({ seed: 9, trials: 500 }).objects()).toEqual(staleReads({ seed: 9, trials: 500 }).objects());
    expect(() => staleReads({ replicas: 0 })).toThrow("invalid replicas: 0 (expected an integer in [1, 1000])");
    expect(() => staleReads({ lagMs: -1 })).toThrow("invalid lagMs: -1");
  });
});
