import { checkNumber, invalidRange } from "../validate";
import { bin32, hex32, splitFields, type FloatEncoding } from "./bit-fields";

/** Largest IBM single: (1 - 16^-6) · 16^63. */
export const IBM_SINGLE_MAX = (1 - 16 ** -6) * 16 ** 63;
/** Smallest positive normalised IBM single: 16^-65. */
export const IBM_SINGLE_MIN = 16 ** -65;

/**
 * A number in IBM System/360 hexadecimal floating point, single precision: 1 sign bit, a
 * 7-bit exponent of 16 in excess-64, and a 24-bit fraction F with value = F · 16^(exp-64),
 * 1/16 ≤ F < 1 (normalised: the first hex digit is non-zero). The fraction is truncated, as
 * System/360 hardware does, so 0.1 becomes 0x40199999.
 */
export function ibmSingle(value: number): FloatEncoding {
  checkNumber("value", value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < IBM_SINGLE_MIN || magnitude > IBM_SINGLE_MAX)) {
    throw invalidRange("value", value, `0 or a magnitude in [${IBM_SINGLE_MIN.toExponential(3)}, ${IBM_SINGLE_MAX.toExponential(3)}] (IBM single precision)`);
  }
  let word = 0;
  if (magnitude !== 0) {
    let exponent = 64;
    let fraction = magnitude;
    // Scale by powers of 16 until 1/16 ≤ fraction < 1; powers of two are exact in binary64.
    while (fraction >= 1) {
      fraction /= 16;
      exponent++;
    }
    while (fraction < 1 / 16) {
      fraction *= 16;
      exponent--;
    }
    const mantissa = Math.floor(fraction * 2 ** 24);
    word = ((value < 0 ? 1 : 0) * 2 ** 31 + exponent * 2 ** 24 + mantissa) >>> 0;
  } else if (Object.is(value, -0)) {
    word = 0x80000000;
  }
  const bits = bin32(word);
  return {
    format: "IBM hexadecimal single",
    hex: hex32(word),
    bits,
    fields: splitFields(bits, [
      ["sign", 1],
      ["exponent", 7],
      ["fraction", 24],
    ]),
    decoded: decodeIbmSingle(word),
  };
}

/** The value of a 32-bit word read as an IBM hexadecimal single. */
export function decodeIbmSingle(word: number): number {
  const w = word >>> 0;
  const sign = w >>> 31 ? -1 : 1;
  const exponent = (w >>> 24) & 0x7f;
  const fraction = (w & 0xffffff) / 2 ** 24;
  return sign * fraction * 16 ** (exponent - 64);
}
