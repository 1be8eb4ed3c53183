/** One field of a floating-point word. */
export interface BitField {
  /** "sign", "exponent" or "fraction". */
  name: string;
  /** The field's bits, most significant first. */
  bits: string;
  /** The field's value as an unsigned integer. */
  value: number;
}

/** A number encoded in a floating-point format, field by field. */
export interface FloatEncoding {
  format: string;
  /** The whole word in hexadecimal, e.g. "0x3F800000". */
  hex: string;
  /** The whole word in binary. */
  bits: string;
  fields: BitField[];
  /** The value the word represents (after rounding or truncation). */
  decoded: number;
}

/** Splits a word's bit string into named fields of the given widths. */
export function splitFields(bits: string, widths: readonly [string, number][]): BitField[] {
  let at = 0;
  return widths.map(([name, width]) => {
    const field = bits.slice(at, at + width);
    at += width;
    return { name, bits: field, value: parseInt(field, 2) };
  });
}

/** A 32-bit unsigned word as "0x" and 8 hex digits. */
export function hex32(word: number): string {
  return `0x${(word >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
}

/** A 32-bit unsigned word as 32 binary digits. */
export function bin32(word: number): string {
  return (word >>> 0).toString(2).padStart(32, "0");
}
