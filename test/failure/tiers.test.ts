import { describe, expect, it } from "vitest";
import { failure } from "../../src";

describe("seriesAvailability(tiers)", () => {
  it("multiplies the tiers' parallel availabilities", () => {
    const result = failure.seriesAvailability([
      { name: "web", replicas: 2, availability: 0.9 },
      { name: "db", replicas: 1, availability: 0.99 },
    ]);
    expect(result.availability).toBeCloseTo((1 - 0.1 ** 2) * 0.99, 12);
    expect(result.tiers.map((t) => t.tierAvailability)).toEqual([expect.closeTo(0.99, 12), expect.closeTo(0.99, 12)]);
    expect(result.downtimeMinutesPerYear).toBeCloseTo((1 - result.availability) * 525_600, 6);
  });

  it("names a single-instance tier as the weak link of the seed 000 infrastructure", () => {
    const result = failure.seriesAvailability(failure.seed000Infrastructure({ availability: 0.99 }));
    expect(["load balancer", "WAF"]).toContain(result.weakest.name);
    expect(result.weakest.replicas).toBe(1);
    // Two single points of failure at 99% each dominate: about 0.99^2.
    expect(result.availability).toBeCloseTo(0.99 ** 2 * (1 - 0.01 ** 2) * (1 - 0.01 ** 3) * (1 - 0.01 ** 5) ** 2 * (1 - 0.01 ** 10), 12);
  });

  it("moves the weak link when the single instances are replicated", () => {
    const tiers = failure.seed000Infrastructure().map((t) => (t.replicas === 1 ? { ...t, replicas: 4 } : t));
    expect(failure.seriesAvailability(tiers).weakest.name).toBe("CDN");
  });

  it("rejects empty lists and malformed tiers, naming the field", () => {
    expect(() => failure.seriesAvailability([])).toThrow("invalid tiers: [] (expected a non-empty array)");
    expect(() => failure.seriesAvailability([{ name: "x", replicas: 0, availability: 0.9 }])).toThrow("invalid tiers[0].replicas: 0 (expected an integer >= 1)");
    expect(() => failure.seriesAvailability([{ name: "x", replicas: 2, availability: 0.9, required: 3 }])).toThrow("invalid tiers[0].required: 3 (expected an integer in [1, 2])");
  });
});
