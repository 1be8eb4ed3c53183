import { describe, expect, it } from "vitest";
import { architectures } from "../../src";

describe("clientServer(options) and mm1ResponseTime", () => {
  it("matches the M/M/1 mean S/(1-ρ) at light and moderate load", () => {
    const rows = architectures.clientServer({ utilizations: [0.2, 0.5, 0.7], requests: 200_000, seed: 2 }).objects() as {
      mean_ms: number;
      closed_form_mean_ms: number;
    }[];
    // Response times are autocorrelated, so the error exceeds the i.i.d. standard error; at
    // ρ ≤ 0.7 and 200,000 requests, runs stay within 5% of the closed form.
    for (const r of rows) expect(Math.abs(r.mean_ms / r.closed_form_mean_ms - 1)).toBeLessThan(0.05);
  });
  it("grows without bound as utilisation approaches 1", () => {
    expect(architectures.mm1ResponseTime({ utilization: 0.99 }).meanMs).toBeCloseTo(1000, 6);
    expect(() => architectures.mm1ResponseTime({ utilization: 1 })).toThrow("invalid utilization: 1 (expected a number in [0, 1))");
  });
});

describe("loadBalancing(options)", () => {
  const rows = architectures.loadBalancing({ utilizations: [0.9], requests: 40_000, seed: 3 }).objects() as {
    policy: string;
    mean_ms: number;
    p99_ms: number;
  }[];
  const by = (p: string) => rows.find((r) => r.policy === p)!;
  it("at high load ranks random worst and least loaded best, with two choices close behind", () => {
    expect(by("random").mean_ms).toBeGreaterThan(by("round-robin").mean_ms);
    expect(by("round-robin").mean_ms).toBeGreaterThan(by("power-of-two").mean_ms);
    expect(by("power-of-two").mean_ms).toBeGreaterThan(by("least-loaded").mean_ms);
    // Mitzenmacher: two choices capture most of the gain of full information.
    expect(by("power-of-two").mean_ms).toBeLessThan(by("random").mean_ms / 2.5);
  });
  it("gives an identical table for the same seed, and rejects unknown policies", () => {
    expect(architectures.loadBalancing({ requests: 1000, seed: 5 }).objects()).toEqual(architectures.loadBalancing({ requests: 1000, seed: 5 }).objects());
    expect(() => architectures.loadBalancing({ policies: ["fastest" as never] })).toThrow(
      'invalid policies[0]: "fastest" (expected one of "round-robin", "random", "least-loaded", "power-of-two")',
    );
  });
});

describe("multiTierLatency(options)", () => {
  it("adds up: the latency seen from each tier includes everything below it", () => {
    const rows = architectures.multiTierLatency({ requests: 5000 }).objects() as { from_tier: string; mean_ms: number }[];
    expect(rows.map((r) => r.from_tier)).toEqual(["web", "application", "database"]);
    expect(rows[0].mean_ms).toBeGreaterThan(rows[1].mean_ms);
    expect(rows[1].mean_ms).toBeGreaterThan(3 * rows[2].mean_ms * 0.8);
  });
  it("rejects a p99 below the median", () => {
    expect(() => architectures.multiTierLatency({ tiers: [{ name: "x", hopRttMs: 1, medianMs: 5, p99Ms: 2 }] })).toThrow(
      "invalid tiers[0].p99Ms: 2 (expected a number greater than medianMs (5))",
    );
  });
});

describe("clientServer: the mean's batch-means interval", () => {
  it("holds the M/M/1 closed form near saturation when the run is long enough", () => {
    for (const seed of [1, 2, 2026]) {
      const rows = architectures.clientServer({ utilizations: [0.5, 0.9, 0.95], requests: 400_000, seed }).objects() as {
        mean_lower_ms: number;
        mean_upper_ms: number;
        closed_form_mean_ms: number;
      }[];
      for (const r of rows) {
        expect(r.closed_form_mean_ms).toBeGreaterThan(r.mean_lower_ms);
        expect(r.closed_form_mean_ms).toBeLessThan(r.mean_upper_ms);
      }
    }
  });
});

describe("multiTierLatency: where the time goes", () => {
  it("gives each tier's own mean time per client request, adding up to the simulated end-to-end mean", () => {
    const rows = architectures.multiTierLatency({ requests: 20_000, seed: 2026 }).objects() as {
      from_tier: string;
      mean_ms: number;
      calls_per_request: number;
      own_mean_ms: number;
    }[];
    expect(rows.map((r) => r.calls_per_request)).toEqual([1, 1, 3]);
    const total = rows.reduce((s, r) => s + r.own_mean_ms, 0);
    expect(Math.abs(rows[0].mean_ms / total - 1)).toBeLessThan(0.02);
    // The web tier's own time is its 40 ms round trip plus its processing.
    expect(rows[0].own_mean_ms).toBeGreaterThan(40);
  });
});
