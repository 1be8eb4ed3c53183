import { describe, expect, it } from "vitest";
import { scalingCost } from "../../src/failure";

type Row = { capacity: number; machines: number; scale_up: number; scale_out: number; ratio: number };

describe("scalingCost({ maxCapacity, unitPrice, exponent, overhead })", () => {
  it("prices capacities 1, 2, 4, ... up to maxCapacity by both routes", () => {
    const rows = scalingCost({ maxCapacity: 8, unitPrice: 100, exponent: 2, overhead: 0.1 }).objects() as Row[];
    expect(rows.map((r) => r.capacity)).toEqual([1, 2, 4, 8]);
    expect(rows[0]).toEqual({ capacity: 1, machines: 1, scale_up: 100, scale_out: 100, ratio: 1 });
    expect(rows[3].scale_up).toBeCloseTo(100 * 64, 12);
    expect(rows[3].scale_out).toBeCloseTo(100 * 8 * 1.1, 12);
    expect(rows[3].ratio).toBeCloseTo(64 / 8.8, 12);
  });

  it("makes scale up dearer than scale out beyond a few machines when the exponent exceeds 1", () => {
    const rows = scalingCost().objects() as Row[];
    expect(rows.at(-1)!.capacity).toBe(64);
    expect(rows.at(-1)!.scale_up).toBeGreaterThan(rows.at(-1)!.scale_out);
    for (let i = 1; i < rows.length; i++) expect(rows[i].ratio).toBeGreaterThan(rows[i - 1].ratio);
  });

  it("with a linear price curve and no overhead, costs the same either way", () => {
    const rows = scalingCost({ exponent: 1, overhead: 0 }).objects() as Row[];
    rows.forEach((r) => expect(r.scale_up).toBeCloseTo(r.scale_out, 12));
  });

  it("rejects parameters outside their ranges", () => {
    expect(() => scalingCost({ exponent: 0.5 })).toThrow(new RangeError("invalid exponent: 0.5 (expected a number in [1, 4])"));
    expect(() => scalingCost({ maxCapacity: 0 })).toThrow(new RangeError("invalid maxCapacity: 0 (expected an integer >= 1)"));
    expect(() => scalingCost({ unitPrice: 0 })).toThrow(new RangeError("invalid unitPrice: 0 (expected a number in (0, ∞))"));
    expect(() => scalingCost({ overhead: -1 })).toThrow(new RangeError("invalid overhead: -1 (expected a number in [0, 10])"));
  });
});
