import { describe, expect, it } from "vitest";
import { createRng } from "../../src/random";
import { latency } from "../../src";

describe("workload(options) and workloadSamplers(w, rng)", () => {
  it("fills in the documented defaults", () => {
    expect(latency.workload()).toEqual({ items: 10_000, zipfExponent: 0.9, requests: 20_000, rttMs: 50, serviceMedianMs: 5, serviceP99Ms: 50, seed: 1 });
    expect(latency.workload({ rttMs: 10 }).rttMs).toBe(10);
  });
  it("draws item ranks in [1, items], the most popular most often, and service times around the median", () => {
    const { item, service } = latency.workloadSamplers(latency.workload({ items: 100 }), createRng(1));
    const counts = new Array(101).fill(0);
    const services: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      counts[item()]++;
      services.push(service());
    }
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(counts[2]);
    // The median of a lognormal is its parameter: half the draws fall below 5 ms (± 1% at 20,000 draws).
    expect(Math.abs(services.filter((s) => s < 5).length / 20_000 - 0.5)).toBeLessThan(0.015);
  });
  it("rejects a p99 below the median and an item count of 0", () => {
    expect(() => latency.workload({ serviceMedianMs: 10, serviceP99Ms: 5 })).toThrow(
      "invalid serviceP99Ms: 5 (expected a number greater than serviceMedianMs (10))",
    );
    expect(() => latency.workload({ items: 0 })).toThrow("invalid items: 0 (expected an integer in [1, 16777216])");
  });
});
