import { checkInteger, invalidType } from "../validate";

/** Options for formatNumber. */
export interface FormatNumberOptions {
  /** Significant digits. Defaults to 3. */
  digits?: number;
  /** Show the value as a percentage ("12.3%"). Defaults to false. */
  percent?: boolean;
  /** Magnitudes below this (other than 0) read "< floor", as a float cannot tell them from rounding noise; 0 shows every magnitude. Defaults to 1e-15. */
  floor?: number;
}

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/**
 * A number as a reader wants it in a table: three significant digits, thousands grouped
 * (10,000), small magnitudes in powers of ten (2.70 × 10⁻⁵) and none below `floor`
 * ("< 1e-15" rather than a float's rounding noise), NaN as a dash.
 */
export function formatNumber(value: number, { digits = 3, percent = false, floor = 1e-15 }: FormatNumberOptions = {}): string {
  if (typeof value !== "number") throw invalidType("value", value, "a number");
  checkInteger("digits", digits, 1, 12);
  if (Number.isNaN(value)) return "–";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const v = percent ? 100 * value : value;
  const unit = percent ? "%" : "";
  if (v === 0) return `0${unit}`;
  const sign = v < 0 ? "−" : "";
  const a = Math.abs(v);
  if (Math.abs(value) < floor && floor > 0) return `${sign}< ${percent ? `${floor * 100}%` : String(floor)}`;
  if (Number.isInteger(a) && a < 1e15) return `${sign}${a.toLocaleString("en-US")}${unit}`;
  if (a >= 1000) return `${sign}${Number(a.toPrecision(digits)).toLocaleString("en-US")}${unit}`;
  if (a >= 1e-3) return `${sign}${a.toPrecision(digits)}${unit}`;
  const [mantissa, exponent] = a.toExponential(digits - 1).split("e");
  const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${sign}${mantissa} × 10${power}${unit}`;
}
