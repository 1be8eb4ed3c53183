import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

type Row = {
  strategy: string;
  extra_load: number;
  extra_messages: number;
  hedge_after_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  p999_ms: number;
};

describe("hedgedRequests(options)", () => {
  const rows = latency.hedgedRequests({ trials: 5_000, seed: 3 }).objects() as Row[];
  const [single, hedged, tied] = rows;
  it("reports p50, p95, p99 and p99.9 for a single request, hedged and tied requests", () => {
    expect(rows.map((r) => r.strategy)).toEqual(["single request", "hedged", "tied"]);
    for (const r of rows) expect(r.p50_ms <= r.p95_ms && r.p95_ms <= r.p99_ms && r.p99_ms <= r.p999_ms).toBe(true);
  });
  it("hedging after the 95th percentile costs about 5% extra load and cuts the 99th percentile several-fold", () => {
    // The paper: hedging at the p95 "limits the additional load to approximately 5%". Each leaf
    // hedges with probability 0.05; over 50,000 leaves the standard error is 0.001, so 0.04–0.06
    // allows for the pilot estimate of the p95.
    expect(hedged.extra_load).toBeGreaterThan(0.04);
    expect(hedged.extra_load).toBeLessThan(0.06);
    expect(hedged.p99_ms).toBeLessThan(single.p99_ms / 3);
    expect(hedged.p50_ms).toBeLessThanOrEqual(single.p50_ms);
  });
  it("tied requests cut the tail while few twins run twice", () => {
    expect(tied.p99_ms).toBeLessThan(single.p99_ms / 2);
    expect(tied.extra_load).toBeLessThan(0.05);
    expect(tied.extra_messages).toBe(1);
  });
  it("is deterministic in its seed", () => {
    expect(latency.hedgedRequests({ trials: 500, seed: 3 }).objects()).toEqual(latency.hedgedRequests({ trials: 500, seed: 3 }).objects());
  });
  it("rejects a negative hedge delay and a p99 below the median", () => {
    expect(() => latency.hedgedRequests({ hedgeAfterMs: -1 })).toThrow("invalid hedgeAfterMs: -1 (expected a number in [0, ∞))");
    expect(() => latency.hedgedRequests({ serviceMedianMs: 5, serviceP99Ms: 2 })).toThrow("invalid serviceP99Ms: 2 (expected a number in (5, ∞))");
  });
});

describe("hedgedTrials(options)", () => {
  it("hedging never makes any request slower than the single request under the same draws", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (seed, fanout, hedgeAfterMs) => {
          const t = latency.hedgedTrials({ seed, fanout, hedgeAfterMs, trials: 50 });
          const single = t.array("single_ms") as number[];
          const hedged = t.array("hedged_ms") as number[];
          single.forEach((s, i) => expect(hedged[i]).toBeLessThanOrEqual(s));
        },
      ),
      { numRuns: 50 },
    );
  });
  it("draws the same leaves whatever the hedge delay, so strategies compare request by request", () => {
    const a = latency.hedgedTrials({ seed: 4, trials: 100, hedgeAfterMs: 5 });
    const b = latency.hedgedTrials({ seed: 4, trials: 100, hedgeAfterMs: 50 });
    expect(a.array("single_ms")).toEqual(b.array("single_ms"));
    expect(a.array("tied_ms")).toEqual(b.array("tied_ms"));
  });
  it("equals the single request when the hedge is never sent", () => {
    const t = latency.hedgedTrials({ seed: 5, trials: 200, hedgeAfterMs: 1e9 });
    expect(t.array("hedged_ms")).toEqual(t.array("single_ms"));
    expect(Array.from(t.array("hedges_sent") as number[]).every((h) => h === 0)).toBe(true);
  });
});
