import { checkNumber, invalidType } from "../validate";

/** What a sentence of the prose says about a number, as a rule the data must meet. */
export type ClaimRule =
  | { above: number }
  | { below: number }
  | { atLeast: number }
  | { atMost: number }
  | { between: readonly [number, number] }
  | { near: number; tolerance: number };

/** One quantitative sentence of a notebook's prose, checked against the value it describes. */
export interface Claim {
  /** Where the sentence stands: the section's heading or number. */
  section: string;
  /** The sentence (or its quantitative part) as the reader reads it. */
  text: string;
  /** The value computed from the data the sentence describes. */
  value: number;
  /** The rule in words, with its tolerance: "> 2", "within 0.005 of 0.203". */
  expected: string;
  /** Whether the value meets the rule. */
  holds: boolean;
}

function describeRule(rule: ClaimRule): string {
  if ("near" in rule) return `within ${rule.tolerance} of ${rule.near}`;
  if ("between" in rule) return `in [${rule.between[0]}, ${rule.between[1]}]`;
  if ("above" in rule) return `> ${rule.above}`;
  if ("below" in rule) return `< ${rule.below}`;
  if ("atLeast" in rule) return `>= ${rule.atLeast}`;
  return `<= ${rule.atMost}`;
}

function meets(value: number, rule: ClaimRule): boolean {
  if ("near" in rule) return Math.abs(value - rule.near) <= checkNumber("tolerance", rule.tolerance, { min: 0 });
  if ("between" in rule) return value >= rule.between[0] && value <= rule.between[1];
  if ("above" in rule) return value > rule.above;
  if ("below" in rule) return value < rule.below;
  if ("atLeast" in rule) return value >= rule.atLeast;
  return value <= rule.atMost;
}

/**
 * A checked claim: `claim("1.2", "the worst rate means more than two failures a day", worst, { above: 2 })`.
 * A value that is not a finite number never holds.
 */
export function claim(section: string, text: string, value: number, rule: ClaimRule): Claim {
  if (typeof section !== "string") throw invalidType("section", section, "a string");
  if (typeof text !== "string" || text.length === 0) throw invalidType("text", text, "a non-empty string");
  if (typeof rule !== "object" || rule === null) throw invalidType("rule", rule, "an object such as { above: 2 } or { near: 0.2, tolerance: 0.01 }");
  const holds = typeof value === "number" && Number.isFinite(value) && meets(value, rule);
  return { section, text, value, expected: describeRule(rule), holds };
}
