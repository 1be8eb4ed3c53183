import { describe, expect, it } from "vitest";
import { latency } from "../../src";

type Row = {
  retries: number;
  success_rate: number;
  success_lower: number;
  success_upper: number;
  success_closed_form: number;
  duplicates_per_request: number;
  duplicates_lower: number;
  duplicates_upper: number;
  duplicates_closed_form: number;
  mean_latency_ms: number;
  mean_latency_closed_form_ms: number;
  p99_latency_ms: number;
};

describe("simulateRetries(options)", () => {
  const rows = latency.simulateRetries({ requestLoss: 0.1, replyLoss: 0.2, retries: 3, trials: 20_000, seed: 4 }).objects() as Row[];
  it("gives one row per retry budget 0..retries", () => {
    expect(rows.map((r) => r.retries)).toEqual([0, 1, 2, 3]);
  });
  it("holds the closed-form success probability and duplicate count inside its 95% intervals", () => {
    for (const r of rows) {
      expect(r.success_lower).toBeLessThanOrEqual(r.success_closed_form);
      expect(r.success_upper).toBeGreaterThanOrEqual(r.success_closed_form);
      expect(r.duplicates_lower).toBeLessThanOrEqual(r.duplicates_closed_form + 1e-12);
      expect(r.duplicates_upper).toBeGreaterThanOrEqual(r.duplicates_closed_form - 1e-12);
    }
  });
  it("matches the closed-form mean latency of successes within 2%", () => {
    // The latency takes values rtt + i·timeout; its standard deviation is below 150 ms, so over
    // ≥ 14,000 successes the standard error is under 1.3 ms, i.e. about 1% of ≈ 120 ms.
    for (const r of rows) expect(Math.abs(r.mean_latency_ms - r.mean_latency_closed_form_ms)).toBeLessThan(0.02 * r.mean_latency_closed_form_ms);
  });
  it("puts the slowest successes one timeout per retry after the round trip", () => {
    expect(rows[0].p99_latency_ms).toBe(50);
    expect(rows[3].p99_latency_ms).toBe(50 + 3 * 200);
  });
  it("is deterministic in its seed", () => {
    const run = () => latency.simulateRetries({ retries: 2, trials: 500, seed: 6 }).objects();
    expect(run()).toEqual(run());
  });
  it("rejects a timeout shorter than the round trip", () => {
    expect(() => latency.simulateRetries({ rttMs: 100, timeoutMs: 50 })).toThrow("invalid timeoutMs: 50 (expected a number ≥ rttMs (100))");
  });
});
