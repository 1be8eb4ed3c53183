import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("callsClosedForm(options)", () => {
  it("is k·(r + m) sequentially and r + m in parallel for deterministic calls", () => {
    expect(latency.callsClosedForm({ calls: 4, rttMs: 50, serviceMeanMs: 10, serviceDistribution: "deterministic" })).toEqual({
      sequentialMs: 240,
      parallelMs: 60,
    });
  });
  it("is r + m·H_k in parallel for exponential service times", () => {
    expect(latency.callsClosedForm({ calls: 3, rttMs: 50, serviceMeanMs: 12, serviceDistribution: "exponential" }).parallelMs).toBeCloseTo(
      50 + 12 * (1 + 1 / 2 + 1 / 3),
      12,
    );
  });
  it("has no parallel closed form for lognormal service times", () => {
    expect(latency.callsClosedForm({ calls: 3, serviceDistribution: "lognormal" }).parallelMs).toBeNaN();
  });
  it("rejects an unknown distribution", () => {
    // @ts-expect-error: checked at run time for notebook users.
    expect(() => latency.callsClosedForm({ calls: 2, serviceDistribution: "pareto" })).toThrow(
      'invalid serviceDistribution: "pareto" (expected one of "lognormal", "exponential", "deterministic")',
    );
  });
});
