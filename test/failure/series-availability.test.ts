import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seriesAvailability, type Tier } from "../../src/failure";

const tierArb = fc.record({
  name: fc.constantFrom("a", "b", "c"),
  replicas: fc.integer({ min: 1, max: 8 }),
  availability: fc.double({ min: 0.5, max: 1, noNaN: true }),
  required: fc.constant(1),
});

describe("seriesAvailability(tiers)", () => {
  it("multiplies the tiers' parallel availabilities", () => {
    const result = seriesAvailability([
      { name: "web", replicas: 2, availability: 0.9 },
      { name: "db", replicas: 1, availability: 0.99 },
    ]);
    expect(result.availability).toBeCloseTo((1 - 0.1 ** 2) * 0.99, 14);
    expect(result.unavailability).toBeCloseTo(1 - (1 - 0.1 ** 2) * 0.99, 14);
    expect(result.tiers.map((t) => t.tierAvailability)).toEqual([expect.closeTo(0.99, 14), expect.closeTo(0.99, 14)]);
    expect(result.nines).toBeCloseTo(-Math.log10(1 - 0.99 * 0.99), 12);
    expect(result.downtimeMinutesPerYear).toBeCloseTo((1 - result.availability) * 525_600, 6);
  });

  it("treats a k-of-n tier with the binomial: a 2-of-3 quorum at 90% is up 97.2% of the time", () => {
    const result = seriesAvailability([{ name: "quorum", replicas: 3, availability: 0.9, required: 2 }]);
    expect(result.availability).toBeCloseTo(0.972, 14);
    expect(result.tiers[0].required).toBe(2);
  });

  it("names the tier with the lowest availability as the weakest, the first one on a tie", () => {
    const result = seriesAvailability([
      { name: "replicated", replicas: 3, availability: 0.9 },
      { name: "single", replicas: 1, availability: 0.999 },
      { name: "also single", replicas: 1, availability: 0.999 },
    ]);
    expect(result.weakest.name).toBe("single");
    expect(result.weakest.tierAvailability).toBe(Math.min(...result.tiers.map((t) => t.tierAvailability)));
  });

  it("is never above its weakest tier, and adding a tier never raises it", () => {
    fc.assert(
      fc.property(fc.array(tierArb, { minLength: 1, maxLength: 6 }), tierArb, (tiers: Tier[], extra: Tier) => {
        const result = seriesAvailability(tiers);
        expect(result.availability).toBeLessThanOrEqual(result.weakest.tierAvailability + 1e-15);
        expect(seriesAvailability([...tiers, extra]).availability).toBeLessThanOrEqual(result.availability + 1e-15);
        expect(result.availability + result.unavailability).toBeCloseTo(1, 12);
      }),
    );
  });

  it("keeps the nines of very available paths: two tiers of 10 replicas at 99% are down 2e-20 of the time", () => {
    const result = seriesAvailability([
      { name: "x", replicas: 10, availability: 0.99 },
      { name: "y", replicas: 10, availability: 0.99 },
    ]);
    expect(result.unavailability / 2e-20).toBeCloseTo(1, 8);
    expect(result.nines).toBeCloseTo(20 - Math.log10(2), 8);
  });

  it("rejects empty lists and malformed tiers, naming the field", () => {
    expect(() => seriesAvailability([])).toThrow(new RangeError("invalid tiers: [] (expected a non-empty array)"));
    expect(() => seriesAvailability("db" as unknown as Tier[])).toThrow(new TypeError('invalid tiers: "db" (expected a non-empty array)'));
    expect(() => seriesAvailability([null as unknown as Tier])).toThrow(
      new TypeError("invalid tiers[0]: null (expected a tier { name, replicas, availability, required? })"),
    );
    expect(() => seriesAvailability([{ name: 3 as unknown as string, replicas: 1, availability: 0.9 }])).toThrow(
      new TypeError("invalid tiers[0].name: 3 (expected a string)"),
    );
    expect(() => seriesAvailability([{ name: "x", replicas: 0, availability: 0.9 }])).toThrow(
      new RangeError("invalid tiers[0].replicas: 0 (expected an integer >= 1)"),
    );
    expect(() => seriesAvailability([{ name: "x", replicas: 2, availability: 1.1 }])).toThrow(
      new RangeError("invalid tiers[0].availability: 1.1 (expected a number in [0, 1])"),
    );
    expect(() => seriesAvailability([{ name: "x", replicas: 2, availability: 0.9, required: 3 }])).toThrow(
      new RangeError("invalid tiers[0].required: 3 (expected an integer in [1, 2])"),
    );
  });
});
