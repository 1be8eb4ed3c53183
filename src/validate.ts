/**
 * Parameter checks for the public boundary. Every message has one shape,
 * `invalid <name>: <value> (expected <what>)`, so a reader learns the parameter,
 * what was received and the valid range from the error alone.
 */

/** Renders a received value for an error message: strings quoted, arrays and objects as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/** The RangeError for a value of the right type outside its valid range. */
export function invalidRange(name: string, value: unknown, expected: string): RangeError {
  return new RangeError(`invalid ${name}: ${formatValue(value)} (expected ${expected})`);
}

/** The TypeError for a value of the wrong type. */
export function invalidType(name: string, value: unknown, expected: string): TypeError {
  return new TypeError(`invalid ${name}: ${formatValue(value)} (expected ${expected})`);
}

function interval(min: number, max: number, minOpen: boolean, maxOpen: boolean): string {
  const lo = minOpen || min === -Infinity ? "(" : "[";
  const hi = maxOpen || max === Infinity ? ")" : "]";
  const show = (x: number) => (x === Infinity ? "∞" : x === -Infinity ? "-∞" : String(x));
  return `${lo}${show(min)}, ${show(max)}${hi}`;
}

/** Options for {@link checkNumber}: open ends exclude the bound itself. */
export interface NumberBounds {
  /** Smallest valid value. Defaults to -Infinity. */
  min?: number;
  /** Largest valid value. Defaults to Infinity. */
  max?: number;
  /** Whether `min` itself is invalid. Defaults to false. */
  minOpen?: boolean;
  /** Whether `max` itself is invalid. Defaults to false. */
  maxOpen?: boolean;
}

/** Checks a finite number in a range; returns it. */
export function checkNumber(name: string, value: unknown, bounds: NumberBounds = {}): number {
  const { min = -Infinity, max = Infinity, minOpen = false, maxOpen = false } = bounds;
  const expected = `a number in ${interval(min, max, minOpen, maxOpen)}`;
  if (typeof value !== "number") throw invalidType(name, value, expected);
  if (Number.isNaN(value)) throw invalidRange(name, value, expected);
  const below = minOpen ? value <= min : value < min;
  const above = maxOpen ? value >= max : value > max;
  if (!Number.isFinite(value) || below || above) throw invalidRange(name, value, expected);
  return value;
}

/** Checks an integer in [min, max]; returns it. */
export function checkInteger(name: string, value: unknown, min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const expected = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
  if (typeof value !== "number") throw invalidType(name, value, expected);
  if (!Number.isInteger(value) || value < min || value > max) throw invalidRange(name, value, expected);
  return value;
}

/** Checks a probability in [0, 1]; returns it. */
export function checkProbability(name: string, value: unknown): number {
  return checkNumber(name, value, { min: 0, max: 1 });
}

/** Checks a strictly positive finite number; returns it. */
export function checkPositive(name: string, value: unknown): number {
  return checkNumber(name, value, { min: 0, minOpen: true, max: Infinity, maxOpen: true });
}

/** Checks a finite number >= 0; returns it. */
export function checkNonNegative(name: string, value: unknown): number {
  return checkNumber(name, value, { min: 0, max: Infinity, maxOpen: true });
}

/** Checks a seed: an integer in [0, 2^32 - 1]; returns it. */
export function checkSeed(value: unknown, name = "seed"): number {
  return checkInteger(name, value, 0, 0xffffffff);
}

/** Checks that a value is one of a fixed list of options; returns it. */
export function checkOneOf<T extends string>(name: string, value: unknown, options: readonly T[]): T {
  const expected = `one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
  if (typeof value !== "string") throw invalidType(name, value, expected);
  if (!options.includes(value as T)) throw invalidRange(name, value, expected);
  return value as T;
}

/** Checks a non-empty array; returns it. */
export function checkNonEmptyArray<T>(name: string, value: unknown): T[] {
  if (!Array.isArray(value)) throw invalidType(name, value, "a non-empty array");
  if (value.length === 0) throw invalidRange(name, value, "a non-empty array");
  return value as T[];
}
