import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("fanoutSlowProbability({ fanout, slowProbability })", () => {
  it("gives the paper's 63% for a fan-out of 100 with 1 server in 100 slow", () => {
    // Dean & Barroso (CACM 2013) round 1 - 0.99^100 = 0.6340 to 63%.
    expect(latency.fanoutSlowProbability({ fanout: 100, slowProbability: 0.01 })).toBeCloseTo(1 - 0.99 ** 100, 12);
    expect(Math.round(100 * latency.fanoutSlowProbability({ fanout: 100, slowProbability: 0.01 }))).toBe(63);
  });
  it("gives the paper's 18% for 2,000 servers with 1 in 10,000 slow", () => {
    expect(latency.fanoutSlowProbability({ fanout: 2000, slowProbability: 1e-4 })).toBeCloseTo(1 - 0.9999 ** 2000, 12);
    expect(Math.round(100 * latency.fanoutSlowProbability({ fanout: 2000, slowProbability: 1e-4 }))).toBe(18);
  });
  it("is q for one server and grows with the fan-out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, q) => {
        expect(latency.fanoutSlowProbability({ fanout: 1, slowProbability: q })).toBeCloseTo(q, 12);
        expect(latency.fanoutSlowProbability({ fanout: n + 1, slowProbability: q })).toBeGreaterThanOrEqual(
          latency.fanoutSlowProbability({ fanout: n, slowProbability: q }) - 1e-15,
        );
      }),
    );
  });
  it("rejects a fan-out of 0 and a probability above 1", () => {
    expect(() => latency.fanoutSlowProbability({ fanout: 0, slowProbability: 0.01 })).toThrow("invalid fanout: 0 (expected an integer >= 1)");
    expect(() => latency.fanoutSlowProbability({ fanout: 10, slowProbability: 1.5 })).toThrow("invalid slowProbability: 1.5 (expected a number in [0, 1])");
  });
});
