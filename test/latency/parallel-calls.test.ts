import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

type Row = {
  calls: number;
  mode: string;
  mean_ms: number;
  p50_ms: number;
  p99_ms: number;
  mean_lower_ms: number;
  mean_upper_ms: number;
  closed_form_mean_ms: number;
};

describe("sequentialVsParallel(options)", () => {
  it("agrees with the exponential closed forms k·(r + m) and r + m·H_k within the 99.9% interval", () => {
    const rows = latency.sequentialVsParallel({ maxCalls: 5, trials: 4000, serviceDistribution: "exponential", serviceMeanMs: 20, seed: 2 }).objects() as Row[];
    for (const r of rows) {
      // The table reports a 95% interval; widen it to 99.9% (×3.29/1.96) so ten comparisons rarely fail by chance.
      const half = ((r.mean_upper_ms - r.mean_lower_ms) / 2) * (3.29 / 1.96);
      expect(Math.abs(r.mean_ms - r.closed_form_mean_ms)).toBeLessThan(half);
    }
  });
  it("matches the deterministic closed forms exactly", () => {
    const rows = latency
      .sequentialVsParallel({ maxCalls: 3, trials: 10, serviceDistribution: "deterministic", serviceMeanMs: 5, rttMs: 20 })
      .objects() as Row[];
    for (const r of rows) expect(r.mean_ms).toBeCloseTo(r.closed_form_mean_ms, 9);
  });
  it("never takes longer in parallel than sequentially, and equals it for one call", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<latency.ServiceDistribution>("lognormal", "exponential", "deterministic"),
        (seed, maxCalls, serviceDistribution) => {
          const rows = latency.sequentialVsParallel({ maxCalls, trials: 50, seed, serviceDistribution }).objects() as Row[];
          for (let k = 1; k <= maxCalls; k++) {
            const seq = rows.find((r) => r.calls === k && r.mode === "sequential")!;
            const par = rows.find((r) => r.calls === k && r.mode === "parallel")!;
            for (const key of ["mean_ms", "p50_ms", "p99_ms"] as const) expect(par[key]).toBeLessThanOrEqual(seq[key] + 1e-9);
            if (k === 1) expect(par.mean_ms).toBe(seq.mean_ms);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
  it("is deterministic in its seed", () => {
    const run = () => latency.sequentialVsParallel({ maxCalls: 3, trials: 100, seed: 8 }).objects();
    expect(run()).toEqual(run());
  });
  it("rejects 0 calls", () => {
    expect(() => latency.sequentialVsParallel({ maxCalls: 0 })).toThrow("invalid maxCalls: 0 (expected an integer in [1, 1000])");
  });
});

describe("exponentialCallsMean({ calls, meanMs })", () => {
  it("gives k·m sequentially and m·H_k in parallel", () => {
    expect(latency.exponentialCallsMean({ calls: 3, meanMs: 10 })).toEqual({ sequential: 30, parallel: 10 * (1 + 1 / 2 + 1 / 3) });
  });
});
