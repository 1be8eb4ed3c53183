import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seed000Infrastructure, seriesAvailability } from "../../src/failure";

describe("seed000Infrastructure({ availability })", () => {
  it("is the notes' example: 2 CDN, 1 LB, 1 WAF, 10 front ends, 5 API gateways, 5 back ends, 3 databases", () => {
    const tiers = seed000Infrastructure();
    expect(tiers.map((t) => [t.name, t.replicas])).toEqual([
      ["CDN", 2],
      ["load balancer", 1],
      ["WAF", 1],
      ["front end", 10],
      ["API gateway", 5],
      ["back end", 5],
      ["database", 3],
    ]);
    expect(tiers.every((t) => t.availability === 0.99 && t.required === 1)).toBe(true);
  });

  it("sets every instance's availability when asked", () => {
    expect(seed000Infrastructure({ availability: 0.95 }).every((t) => t.availability === 0.95)).toBe(true);
  });

  it("at 99% per instance: availability is the product over tiers, and the weakest tier is a single instance", () => {
    const result = seriesAvailability(seed000Infrastructure({ availability: 0.99 }));
    const u = 0.01;
    expect(result.availability).toBeCloseTo(0.99 ** 2 * (1 - u ** 2) * (1 - u ** 10) * (1 - u ** 5) ** 2 * (1 - u ** 3), 14);
    expect(["load balancer", "WAF"]).toContain(result.weakest.name);
    expect(result.weakest.replicas).toBe(1);
    // Two single points of failure cost about two nines' worth: 1 - 0.99² ≈ 0.0199, 1.7 nines.
    expect(result.nines).toBeCloseTo(1.7, 2);
  });

  it("has a single-instance weak link at any equal per-instance availability", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.9999, noNaN: true }), (a) => {
        expect(seriesAvailability(seed000Infrastructure({ availability: a })).weakest.replicas).toBe(1);
      }),
    );
  });

  it("moves the weak link to the CDN once the load balancer and the WAF have four replicas", () => {
    const tiers = seed000Infrastructure().map((t) => (t.replicas === 1 ? { ...t, replicas: 4 } : t));
    expect(seriesAvailability(tiers).weakest.name).toBe("CDN");
  });

  it("rejects an availability outside [0, 1]", () => {
    expect(() => seed000Infrastructure({ availability: 99 })).toThrow(new RangeError("invalid availability: 99 (expected a number in [0, 1])"));
  });
});
