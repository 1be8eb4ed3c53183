import { describe, expect, it } from "vitest";
import { microserviceChain } from "../../src/architectures/index";

type Row = {
  services: number;
  mean_ms: number;
  closed_form_mean_ms: number;
  p99_ms: number;
  availability: number;
  lower: number;
  upper: number;
  closed_form_availability: number;
};

describe("microserviceChain({ services, hopRttMs, medianMs, p99Ms, availability, requests, seed })", () => {
  it("converges to the closed forms N·(hop + mean service) and a^N at the chapter's parameters", () => {
    for (const seed of [1, 2026]) {
      const rows = microserviceChain({ services: [1, 2, 5, 10, 20, 50], availability: 0.999, requests: 20_000, seed }).objects() as Row[];
      for (const r of rows) {
        expect(Math.abs(r.mean_ms / r.closed_form_mean_ms - 1)).toBeLessThan(0.03);
        expect(Math.abs(r.availability - r.closed_form_availability)).toBeLessThan(0.006);
      }
      expect(rows.at(-1)!.closed_form_availability).toBeCloseTo(0.999 ** 50, 12);
    }
  });

  it("grows the tail with the chain, and is always up when every service is", () => {
    const rows = microserviceChain({ services: [1, 10], availability: 1, requests: 5_000, seed: 3 }).objects() as Row[];
    expect(rows.map((r) => r.availability)).toEqual([1, 1]);
    expect(rows[1].p99_ms).toBeGreaterThan(rows[0].p99_ms);
  });

  it("gives the same numbers for the same seed and names a bad parameter", () => {
    expect(microserviceChain({ seed: 5, requests: 200 }).objects()).toEqual(microserviceChain({ seed: 5, requests: 200 }).objects());
    expect(() => microserviceChain({ services: [0] })).toThrow("invalid services[0]: 0 (expected an integer in [1, 1000])");
    expect(() => microserviceChain({ availability: 1.5 })).toThrow("invalid availability: 1.5");
    expect(() => microserviceChain({ medianMs: 10, p99Ms: 5 })).toThrow("invalid p99Ms: 5 (expected a number greater than medianMs (10))");
  });
});
