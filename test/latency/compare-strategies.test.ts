import { describe, expect, it } from "vitest";
import { latency } from "../../src";

type Row = { strategy: string; mean_ms: number; p50_ms: number; p95_ms: number; p99_ms: number; server_calls_per_page: number; extra_load: number };

describe("compareStrategies(options)", () => {
  const rows = latency.compareStrategies({ requests: 10_000, seed: 5 }).objects() as Row[];
  const by = (name: string) => rows.find((r) => r.strategy === name)!;
  it("gives one row per strategy with mean, p50, p95, p99 and extra load", () => {
    expect(rows.map((r) => r.strategy)).toEqual([
      "sequential calls",
      "parallel calls",
      "replica near the client",
      "LRU cache + sequential",
      "LRU cache + parallel",
      "parallel + hedged after p95",
    ]);
    for (const r of rows) expect(r.p50_ms <= r.p95_ms && r.p95_ms <= r.p99_ms).toBe(true);
  });
  it("ranks the strategies as the notes argue: parallel beats sequential, a nearby replica beats both", () => {
    expect(by("parallel calls").mean_ms).toBeLessThan(by("sequential calls").mean_ms);
    expect(by("replica near the client").mean_ms).toBeLessThan(by("parallel calls").mean_ms);
    // Same service draws, 40 ms shorter round trip: exactly 40 ms less at every page.
    expect(by("parallel calls").mean_ms - by("replica near the client").mean_ms).toBeCloseTo(40, 9);
  });
  it("lets a cache spare server calls (negative extra load) and hedging add about 5%", () => {
    expect(by("LRU cache + sequential").extra_load).toBeLessThan(0);
    expect(by("LRU cache + sequential").mean_ms).toBeLessThan(by("sequential calls").mean_ms);
    expect(by("parallel + hedged after p95").extra_load).toBeCloseTo(0.05, 2);
    expect(by("parallel + hedged after p95").p99_ms).toBeLessThanOrEqual(by("parallel calls").p99_ms);
    expect(by("sequential calls").extra_load).toBe(0);
  });
  it("gives an identical table for the same seed", () => {
    expect(latency.compareStrategies({ requests: 2_000, seed: 5 }).objects()).toEqual(latency.compareStrategies({ requests: 2_000, seed: 5 }).objects());
  });
  it("rejects 0 calls per page", () => {
    expect(() => latency.compareStrategies({ callsPerPage: 0 })).toThrow("invalid callsPerPage: 0 (expected an integer in [1, 1000])");
  });
});
