import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("retryClosedForm(options)", () => {
  it("succeeds with 1 - l^(R+1), l = 1 - (1 - requestLoss)(1 - replyLoss)", () => {
    const l = 1 - 0.9 * 0.8;
    expect(latency.retryClosedForm({ requestLoss: 0.1, replyLoss: 0.2, retries: 3 }).success).toBeCloseTo(1 - l ** 4, 12);
  });
  it("has no duplicates without retries or without lost replies", () => {
    expect(latency.retryClosedForm({ retries: 0 }).duplicates).toBeCloseTo(0, 12);
    expect(latency.retryClosedForm({ requestLoss: 0.3, replyLoss: 0, retries: 5 }).duplicates).toBeCloseTo(0, 12);
  });
  it("counts one duplicate per retry when every reply is lost and no request is", () => {
    expect(latency.retryClosedForm({ requestLoss: 0, replyLoss: 1, retries: 4 })).toMatchObject({ success: 0, attempts: 5, executions: 5, duplicates: 4 });
  });
  it("takes one RTT plus a timeout per failed attempt on average", () => {
    // Two attempts, success probability s each: E[latency | success] = rtt + timeout·P(second)/P(success).
    const s = 0.5;
    expect(latency.retryClosedForm({ requestLoss: 0.5, replyLoss: 0, retries: 1, rttMs: 10, timeoutMs: 100 }).meanLatencyMs).toBeCloseTo(
      10 + (100 * (1 - s) * s) / (1 - (1 - s) ** 2),
      12,
    );
  });
  it("raises success and duplicates with each retry", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        (requestLoss, replyLoss, retries) => {
          const a = latency.retryClosedForm({ requestLoss, replyLoss, retries });
          const b = latency.retryClosedForm({ requestLoss, replyLoss, retries: retries + 1 });
          expect(b.success).toBeGreaterThanOrEqual(a.success - 1e-12);
          expect(b.duplicates).toBeGreaterThanOrEqual(a.duplicates - 1e-12);
        },
      ),
    );
  });
  it("rejects a loss above 1 and a negative retry count", () => {
    expect(() => latency.retryClosedForm({ replyLoss: 2 })).toThrow("invalid replyLoss: 2 (expected a number in [0, 1])");
    expect(() => latency.retryClosedForm({ retries: -1 })).toThrow("invalid retries: -1 (expected an integer in [0, 1000])");
  });
});
