import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("fanoutSlowProbability and simulateFanout (Dean & Barroso, CACM 2013)", () => {
  it("gives the paper's 63% for fan-out 100 with 1 in 100 slow, from the closed form and the simulation", () => {
    const closed = latency.fanoutSlowProbability({ fanout: 100, slowProbability: 0.01 });
    expect(Math.round(closed * 100)).toBe(63);
    const sim = latency.simulateFanout({ fanout: 100, slowProbability: 0.01, trials: 20_000, seed: 1, level: 0.999 });
    expect(sim.lower).toBeLessThanOrEqual(closed);
    expect(sim.upper).toBeGreaterThanOrEqual(closed);
    // 20,000 trials: the 99.9% interval is ±1.1 points, so the estimate rounds to 62–64%.
    expect(Math.abs(sim.estimate - 0.63)).toBeLessThan(0.015);
  });
  it("gives the paper's 18% for 2,000 servers with 1 in 10,000 slow, both ways", () => {
    const closed = latency.fanoutSlowProbability({ fanout: 2000, slowProbability: 1e-4 });
    expect(Math.round(closed * 100)).toBe(18);
    const sim = latency.simulateFanout({ fanout: 2000, slowProbability: 1e-4, trials: 20_000, seed: 2, level: 0.999 });
    expect(sim.lower).toBeLessThanOrEqual(closed);
    expect(sim.upper).toBeGreaterThanOrEqual(closed);
  });
  it("rejects a fan-out of 0 and slow answers faster than fast ones", () => {
    expect(() => latency.fanoutSlowProbability({ fanout: 0, slowProbability: 0.01 })).toThrow("invalid fanout: 0 (expected an integer >= 1)");
    expect(() => latency.simulateFanout({ fastMs: 10, slowMs: 5 })).toThrow("invalid slowMs: 5 (expected a number in (10, ∞))");
  });
});

describe("hedgedRequests(options)", () => {
  const rows = latency.hedgedRequests({ trials: 5_000, seed: 3 }).objects() as { strategy: string; extra_load: number; p50_ms: number; p99_ms: number; p999_ms: number }[];
  const [single, hedged, tied] = rows;
  it("cuts the 99th percentile several-fold for about 5% extra requests when hedging at the 95th percentile", () => {
    expect(rows.map((r) => r.strategy)).toEqual(["single request", "hedged", "tied"]);
    expect(hedged.extra_load).toBeGreaterThan(0.03);
    expect(hedged.extra_load).toBeLessThan(0.07);
    expect(hedged.p99_ms).toBeLessThan(single.p99_ms / 3);
  });
  it("cuts the tail with tied requests at little extra load", () => {
    expect(tied.p99_ms).toBeLessThan(single.p99_ms / 2);
    expect(tied.extra_load).toBeLessThan(0.05);
  });
  it("never makes the median worse", () => {
    expect(hedged.p50_ms).toBeLessThanOrEqual(single.p50_ms);
  });
  it("is deterministic in its seed", () => {
    expect(latency.hedgedRequests({ trials: 500, seed: 3 }).objects()).toEqual(latency.hedgedRequests({ trials: 500, seed: 3 }).objects());
  });
});

describe("retryClosedForm and simulateRetries", () => {
  it("agree on success rates and duplicate executions within sampling error", () => {
    const rows = latency.simulateRetries({ requestLoss: 0.1, replyLoss: 0.2, retries: 3, trials: 20_000, seed: 4 }).objects() as {
      success_rate: number;
      success_closed_form: number;
      duplicates_per_request: number;
      duplicates_closed_form: number;
    }[];
    for (const r of rows) {
      // Standard errors ≤ sqrt(0.25/20000) = 0.0035 for rates; duplicates have sd < 0.6 per request, so < 0.0045: 4 sd.
      expect(Math.abs(r.success_rate - r.success_closed_form)).toBeLessThan(0.014);
      expect(Math.abs(r.duplicates_per_request - r.duplicates_closed_form)).toBeLessThan(0.018);
    }
  });
  it("has no duplicates without retries and more with each retry when replies get lost", () => {
    expect(latency.retryClosedForm({ retries: 0 }).duplicates).toBeCloseTo(0, 12);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 0.9, noNaN: true }), fc.integer({ min: 0, max: 10 }), (requestLoss, replyLoss, retries) => {
        const a = latency.retryClosedForm({ requestLoss, replyLoss, retries });
        const b = latency.retryClosedForm({ requestLoss, replyLoss, retries: retries + 1 });
        expect(b.success).toBeGreaterThanOrEqual(a.success);
        expect(b.duplicates).toBeGreaterThanOrEqual(a.duplicates - 1e-12);
      }),
    );
  });
  it("rejects a timeout shorter than the round trip", () => {
    expect(() => latency.simulateRetries({ rttMs: 100, timeoutMs: 50 })).toThrow("invalid timeoutMs: 50 (expected a number ≥ rttMs (100))");
  });
});
