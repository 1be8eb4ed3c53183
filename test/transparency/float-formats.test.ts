import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transparency } from "../../src";

describe("ieee754Single(value)", () => {
  it("encodes 1.0 as 0x3F800000 and -118.625 as 0xC2ED4000", () => {
    expect(transparency.ieee754Single(1).hex).toBe("0x3F800000");
    const e = transparency.ieee754Single(-118.625);
    expect(e.hex).toBe("0xC2ED4000");
    expect(e.fields.map((f) => f.name)).toEqual(["sign", "exponent", "fraction"]);
    expect(e.fields.map((f) => f.bits.length)).toEqual([1, 8, 23]);
    expect(e.fields[1].value).toBe(133);
  });
  it("encodes doubles with 1, 11 and 52 bits", () => {
    expect(transparency.ieee754Double(1).hex).toBe("0x3FF0000000000000");
  });
});

describe("ibmSingle(value)", () => {
  it("encodes the known words: 1.0, -118.625 (Wikipedia's example), 0.1 truncated", () => {
    expect(transparency.ibmSingle(1).hex).toBe("0x41100000");
    expect(transparency.ibmSingle(-118.625).hex).toBe("0xC276A000");
    expect(transparency.ibmSingle(0.1).hex).toBe("0x40199999");
    expect(transparency.ibmSingle(0).hex).toBe("0x00000000");
  });
  it("decodes what it encodes, to within truncation of the 24-bit fraction", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e70, max: 1e70, noNaN: true }), (x) => {
        fc.pre(x === 0 || Math.abs(x) > 1e-70);
        const e = transparency.ibmSingle(x);
        expect(transparency.decodeIbmSingle(parseInt(e.hex, 16))).toBe(e.decoded);
        // Truncation loses less than one unit in the last hex place: relative error < 16^-5.
        if (x !== 0) expect(Math.abs(e.decoded - x) / Math.abs(x)).toBeLessThan(16 ** -5);
      }),
    );
  });
  it("rejects numbers outside IBM single precision's range", () => {
    expect(() => transparency.ibmSingle(1e80)).toThrow(/invalid value: 1e\+80 \(expected 0 or a magnitude in \[5\.398e-79, 7\.237e\+75\]/);
    expect(() => transparency.ibmSingle(Infinity)).toThrow("invalid value: Infinity");
  });
});

describe("compareFloatFormats(value)", () => {
  it("shows the same number in both formats, and the garbage each reads from the other's bytes", () => {
    const rows = transparency.compareFloatFormats(-118.625).objects() as { format: string; hex: string; decoded: number; misread_as_other: number }[];
    expect(rows.map((r) => r.hex)).toEqual(["0xC2ED4000", "0xC276A000"]);
    expect(rows[0].decoded).toBe(-118.625);
    expect(rows[1].decoded).toBe(-118.625);
    expect(rows[0].misread_as_other).not.toBeCloseTo(-118.625, 0);
    expect(rows[1].misread_as_other).not.toBeCloseTo(-118.625, 0);
  });
});
