import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("summarizeLatencies(latencies)", () => {
  it("gives the mean and the 50th, 95th, 99th and 99.9th percentiles", () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => i);
    const s = latency.summarizeLatencies(values);
    expect(s.mean_ms).toBe(500);
    expect(s.p50_ms).toBeCloseTo(500, 9);
    expect(s.p95_ms).toBeCloseTo(950, 9);
    expect(s.p99_ms).toBeCloseTo(990, 9);
    expect(s.p999_ms).toBeCloseTo(999, 9);
  });
});
