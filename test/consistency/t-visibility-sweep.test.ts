import { describe, expect, it } from "vitest";
import { tVisibility, tVisibilitySweep, tVisibilitySweepStops } from "../../src/consistency";

type Stop = { t_ms: number; consistent: number; stop_probability: number; stopped_by: number };
const base = { n: 3, r: 1, w: 1, profile: "LNKD-DISK" as const };

describe("tVisibilitySweep and tVisibilitySweepStops (the PBS paper's procedure)", () => {
  it("stops where the exact distribution says: the mean of 60 simulated sweeps within 3 standard errors of the closed form", () => {
    // Small sweeps (1,000 pairs a step, 99%) keep the test fast; the arithmetic is the same at 10,000 and 99.9%.
    const setup = { ...base, trials: 1000, probability: 0.99, stepMs: 0.5 };
    const rows = tVisibilitySweepStops({ ...setup, curveTrials: 1_000_000, seed: 3 }).objects() as Stop[];
    const mean = rows.reduce((a, r) => a + r.t_ms * r.stop_probability, 0);
    const sd = Math.sqrt(rows.reduce((a, r) => a + (r.t_ms - mean) ** 2 * r.stop_probability, 0));
    const sweeps = Array.from({ length: 60 }, (_, i) => tVisibilitySweep({ ...setup, seed: 100 + i }));
    const simulated = sweeps.reduce((a, t) => a + t, 0) / sweeps.length;
    expect(Math.abs(simulated - mean)).toBeLessThan((3 * sd) / Math.sqrt(sweeps.length));
    expect(rows[rows.length - 1].stopped_by).toBeGreaterThan(1 - 1e-8);
    expect(rows.every((r, i) => i === 0 || (r.stopped_by >= rows[i - 1].stopped_by && r.consistent >= rows[i - 1].consistent))).toBe(true);
  });

  it("stops before the curve's own quantile on the flat tail, less so with more pairs a step", () => {
    const quantile = tVisibility({ ...base, trials: 1_000_000, seed: 5, probability: 0.99 });
    const median = (trials: number) => {
      const rows = tVisibilitySweepStops({ ...base, trials, probability: 0.99, curveTrials: 1_000_000, seed: 5 }).objects() as Stop[];
      return rows.find((r) => r.stopped_by >= 0.5)!.t_ms;
    };
    const few = median(1000);
    const many = median(100_000);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThanOrEqual(quantile + 0.5);
  });

  it("is deterministic for a seed, and rejects bad options, naming them", () => {
    expect(tVisibilitySweep({ ...base, trials: 2000, probability: 0.9, seed: 8 })).toBe(tVisibilitySweep({ ...base, trials: 2000, probability: 0.9, seed: 8 }));
    expect(() => tVisibilitySweep({ stepMs: 0 })).toThrow(new RangeError("invalid stepMs: 0 (expected a number in (0, ∞))"));
    expect(() => tVisibilitySweep({ probability: 1 })).toThrow(/^invalid probability: 1 /);
    expect(() => tVisibilitySweepStops({ curveTrials: 0 })).toThrow(/^invalid curveTrials: 0 /);
  });
});
