import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("simulateFanout(options)", () => {
  it("reproduces the paper's 63% (fan-out 100, 1 in 100 takes 1 s instead of 10 ms): its interval holds the closed form", () => {
    const sim = latency.simulateFanout({ fanout: 100, slowProbability: 0.01, fastMs: 10, slowMs: 1000, trials: 20_000, seed: 1, level: 0.99 });
    expect(sim.closedForm).toBeCloseTo(1 - 0.99 ** 100, 12);
    expect(sim.lower).toBeLessThanOrEqual(sim.closedForm);
    expect(sim.upper).toBeGreaterThanOrEqual(sim.closedForm);
    // 20,000 trials: the 99% Wilson half-width is 2.58·sqrt(0.63·0.37/20000) ≈ 0.009, so the
    // estimate stays within 1 point of 63%, the figure the paper prints.
    expect(sim.upper - sim.lower).toBeLessThan(0.02);
    expect(Math.abs(sim.estimate - 0.63)).toBeLessThan(0.015);
    expect(sim.meanMs).toBeCloseTo(10 + sim.estimate * 990, 9);
  });
  it("reproduces the paper's 18% (2,000 servers, 1 in 10,000 slow): its interval holds the closed form", () => {
    const sim = latency.simulateFanout({ fanout: 2000, slowProbability: 1e-4, trials: 20_000, seed: 2, level: 0.99 });
    expect(sim.lower).toBeLessThanOrEqual(sim.closedForm);
    expect(sim.upper).toBeGreaterThanOrEqual(sim.closedForm);
    // Half-width 2.58·sqrt(0.18·0.82/20000) ≈ 0.007: the estimate is 18% ± 1 point.
    expect(Math.abs(sim.estimate - 0.18)).toBeLessThan(0.012);
  });
  it("is deterministic in its seed", () => {
    expect(latency.simulateFanout({ trials: 2000, seed: 9 })).toEqual(latency.simulateFanout({ trials: 2000, seed: 9 }));
  });
  it("rejects slow answers faster than fast ones, a bad seed and a level of 1", () => {
    expect(() => latency.simulateFanout({ fastMs: 10, slowMs: 5 })).toThrow("invalid slowMs: 5 (expected a number in (10, ∞))");
    expect(() => latency.simulateFanout({ seed: -1 })).toThrow("invalid seed: -1 (expected an integer in [0, 4294967295])");
    expect(() => latency.simulateFanout({ level: 1 })).toThrow("invalid level: 1 (expected a number in (0, 1))");
  });
});
