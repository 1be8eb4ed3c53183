import { describe, expect, it } from "vitest";
import { seed000Infrastructure, seriesAvailability, simulateSeriesAvailability } from "../../src/failure";

describe("simulateSeriesAvailability(tiers, { trials, seed, level })", () => {
  it("holds the product of the tiers' availabilities in its 99.9% interval (seed 000 at 95% per instance)", () => {
    // At 95% the single instances make the path fail often enough (about 10%) for 20,000 trials to
    // measure it to ±0.007 at 99.9%.
    const tiers = seed000Infrastructure({ availability: 0.95 });
    const mc = simulateSeriesAvailability(tiers, { trials: 20_000, seed: 5, level: 0.999 });
    const exact = seriesAvailability(tiers).availability;
    expect(mc.closedForm).toBe(exact);
    expect(mc.lower).toBeLessThanOrEqual(exact);
    expect(mc.upper).toBeGreaterThanOrEqual(exact);
  });

  it("applies each tier's quorum: two 2-of-3 tiers at 80%", () => {
    const tiers = [
      { name: "a", replicas: 3, availability: 0.8, required: 2 },
      { name: "b", replicas: 3, availability: 0.8, required: 2 },
    ];
    const mc = simulateSeriesAvailability(tiers, { trials: 20_000, seed: 8, level: 0.999 });
    const exact = (3 * 0.64 * 0.2 + 0.512) ** 2;
    expect(mc.lower).toBeLessThanOrEqual(exact);
    expect(mc.upper).toBeGreaterThanOrEqual(exact);
  });

  it("is deterministic in its seed", () => {
    const tiers = seed000Infrastructure({ availability: 0.9 });
    expect(simulateSeriesAvailability(tiers, { trials: 2000, seed: 4 })).toEqual(simulateSeriesAvailability(tiers, { trials: 2000, seed: 4 }));
  });

  it("validates the tiers and the options", () => {
    expect(() => simulateSeriesAvailability([])).toThrow(new RangeError("invalid tiers: [] (expected a non-empty array)"));
    expect(() => simulateSeriesAvailability(seed000Infrastructure(), { level: 2 })).toThrow(new RangeError("invalid level: 2 (expected a number in (0, 1))"));
  });
});
