import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

type Row = { window: number; messages: number; completion_ms: number; throughput_per_s: number; bound_ms: number; stop_and_wait_ms: number };

describe("pipelining(options)", () => {
  const rows = latency.pipelining({ messages: 100, windows: [1, 4, 64, 100] }).objects() as Row[];
  it("is stop-and-wait with one request in flight: M·(RTT + S̄)", () => {
    expect(rows[0].completion_ms).toBeCloseTo(rows[0].stop_and_wait_ms, 6);
  });
  it("approaches M·S̄ + RTT with many requests in flight, when the server is the bottleneck", () => {
    // With all M requests in flight at once the server never idles after the first arrival, so
    // the last reply leaves at RTT/2 + Σ S and arrives RTT/2 later: exactly the bound.
    expect(rows[3].completion_ms).toBeCloseTo(rows[3].bound_ms, 6);
    expect(rows[1].completion_ms).toBeLessThan(rows[0].completion_ms / 3);
  });
  it("never beats the bound max(M·S̄ + RTT, ⌈M/k⌉·RTT) and never gets slower with a larger window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (seed, k1, k2) => {
        const [a, b] = latency.pipelining({ messages: 60, windows: [Math.min(k1, k2), Math.max(k1, k2)], seed }).objects() as Row[];
        for (const r of [a, b]) expect(r.completion_ms).toBeGreaterThanOrEqual(r.bound_ms - 1e-9);
        expect(b.completion_ms).toBeLessThanOrEqual(a.completion_ms + 1e-9);
      }),
      { numRuns: 30 },
    );
  });
  it("reports throughput as requests per second over the completion time", () => {
    for (const r of rows) expect(r.throughput_per_s).toBeCloseTo((r.messages / r.completion_ms) * 1000, 9);
  });
  it("is deterministic in its seed", () => {
    const run = () => latency.pipelining({ messages: 50, windows: [1, 8], seed: 3 }).objects();
    expect(run()).toEqual(run());
  });
  it("rejects a window of 0", () => {
    expect(() => latency.pipelining({ windows: [1, 0] })).toThrow("invalid windows[1]: 0 (expected an integer >= 1)");
  });
});
