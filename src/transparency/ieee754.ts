import { checkNumber, invalidType } from "../validate";
import { bin32, hex32, splitFields, type FloatEncoding } from "./bit-fields";

/**
 * A number in IEEE 754 binary32: 1 sign bit, 8 exponent bits (bias 127), 23 fraction bits
 * with an implicit leading 1, rounded to nearest even.
 */
export function ieee754Single(value: number): FloatEncoding {
  if (typeof value !== "number" || Number.isNaN(value)) throw invalidType("value", value, "a number");
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value);
  const word = view.getUint32(0);
  const bits = bin32(word);
  return {
    format: "IEEE 754 single",
    hex: hex32(word),
    bits,
    fields: splitFields(bits, [
      ["sign", 1],
      ["exponent", 8],
      ["fraction", 23],
    ]),
    decoded: view.getFloat32(0),
  };
}

/** A number in IEEE 754 binary64: 1 sign bit, 11 exponent bits (bias 1023), 52 fraction bits. */
export function ieee754Double(value: number): FloatEncoding {
  checkNumber("value", value, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE });
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bits = bin32(hi) + bin32(lo);
  return {
    format: "IEEE 754 double",
    hex: `${hex32(hi)}${hex32(lo).slice(2)}`,
    bits,
    fields: splitFields(bits, [
      ["sign", 1],
      ["exponent", 11],
      ["fraction", 52],
    ]).map((f) => (f.name === "fraction" ? { ...f, value: Number(BigInt(`0b${f.bits}`)) } : f)),
    decoded: value,
  };
}

/** The IEEE 754 single-precision value of a 32-bit word. */
export function decodeIeee754Single(word: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, word >>> 0);
  return view.getFloat32(0);
}
