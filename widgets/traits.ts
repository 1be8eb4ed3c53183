import { formatValue, invalidRange, invalidType } from "../src/validate";

/**
 * A trait: checks a value proposed for one attribute and returns the value to keep, converted
 * only where ipywidgets' trait type converts (CInt, CFloat, CaselessStrEnum, Tuple from a list).
 * Throws a TypeError or RangeError naming the attribute, the value and what was expected.
 */
export type Trait = (name: string, value: unknown) => unknown;

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * traitlets' CInt: Python's int() of a number (truncated), a boolean or an integer literal.
 * Infinity and NaN are refused, as int() refuses them; so is anything else.
 */
export const cInt: Trait = (name, value) => {
  const expected = "an integer";
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && INTEGER_TEXT.test(value)) return Number.parseInt(value, 10);
  if (typeof value !== "number") throw invalidType(name, value, expected);
  if (!Number.isFinite(value)) throw invalidRange(name, value, expected);
  return Math.trunc(value) + 0; // + 0 turns -0 into 0
};

/**
 * traitlets' CFloat: Python's float() of a number, a boolean or a decimal literal. NaN and
 * infinities are refused: JSON cannot carry them to a front end, and no bound orders NaN.
 */
export const cFloat: Trait = (name, value) => {
  const expected = "a finite number";
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && FLOAT_TEXT.test(value)) return Number.parseFloat(value);
  if (typeof value !== "number") throw invalidType(name, value, expected);
  if (!Number.isFinite(value)) throw invalidRange(name, value, expected);
  return value;
};

/** traitlets' Int: an integer number, no conversion (a selection's index). */
export const int: Trait = (name, value) => {
  if (typeof value !== "number") throw invalidType(name, value, "an integer");
  if (!Number.isInteger(value)) throw invalidRange(name, value, "an integer");
  return value;
};

/** traitlets' Bool: true or false, no conversion. */
export const bool: Trait = (name, value) => {
  if (typeof value !== "boolean") throw invalidType(name, value, "true or false");
  return value;
};

/** traitlets' Unicode: a string, no conversion. */
export const unicode: Trait = (name, value) => {
  if (typeof value !== "string") throw invalidType(name, value, "a string");
  return value;
};

/** traitlets' CaselessStrEnum: one of the values, matched ignoring case; returns the canonical spelling. */
export function caselessEnum(values: readonly string[]): Trait {
  return (name, value) => {
    const found = typeof value === "string" ? values.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
    if (found === undefined) throw (typeof value === "string" ? invalidRange : invalidType)(name, value, `one of ${formatValue(values)}`);
    return found;
  };
}

/** A trait that also takes null (allow_none=True). */
export function orNull(trait: Trait): Trait {
  return (name, value) => (value === null ? null : trait(name, value));
}

/** traitlets' Tuple(T, T): a pair, from an array of two (a list converts, as Tuple casts lists). */
export function pair(item: Trait): Trait {
  return (name, value) => {
    if (!Array.isArray(value)) throw invalidType(name, value, "a pair [low, high]");
    if (value.length !== 2) throw invalidRange(name, value, "a pair [low, high]");
    return [item(name, value[0]), item(name, value[1])];
  };
}

/** Traits by attribute name. Attributes with no trait keep the JSON kind of their current value when set from a front end. */
export type Traits = Readonly<Record<string, Trait>>;

/** Attributes that every DOM control with a description shares. */
export const DESCRIBED_TRAITS: Traits = {
  description: unicode,
  description_allow_html: bool,
  tooltip: orNull(unicode),
  tabbable: orNull(bool),
};

/** The slider attributes ipywidgets declares on IntSlider and FloatSlider (value, min, max and step are per kind). */
export const SLIDER_TRAITS: Traits = {
  ...DESCRIBED_TRAITS,
  disabled: bool,
  continuous_update: bool,
  readout: bool,
  readout_format: unicode,
  orientation: caselessEnum(["horizontal", "vertical"]),
  behavior: caselessEnum(["drag-tap", "drag-snap", "tap", "drag", "snap"]),
};
