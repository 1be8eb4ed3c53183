import { formatNumber } from "../format/format-number";
import { tableFromRows, type Table } from "../table";
import type { Claim } from "./claim";

/** Thrown by {@link checkClaims} when the data contradict a sentence of the prose. */
export class ClaimError extends Error {
  override name = "ClaimError";
  constructor(readonly failed: readonly Claim[]) {
    super(
      `${failed.length} claim(s) of the prose do not hold:\n${failed.map((c) => `  [${c.section}] ${c.text}: ${c.value} (expected ${c.expected})`).join("\n")}`,
    );
  }
}

/**
 * The claims of a notebook as a table (section, claim, value, expected, holds), or a
 * {@link ClaimError} naming every claim the data contradict: a notebook that calls it
 * stops at an error, and so fails its test, the moment its prose drifts from its data.
 */
export function checkClaims(claims: readonly Claim[]): Table {
  const failed = claims.filter((c) => !c.holds);
  if (failed.length > 0) throw new ClaimError(failed);
  // Four significant digits: one more than the prose quotes, so a reader sees how close each claim is.
  return tableFromRows(
    claims.map((c) => ({
      section: c.section,
      claim: c.text,
      value: formatNumber(c.value, { digits: 4, floor: 0 }),
      expected: c.expected,
      holds: c.holds ? "yes" : "no",
    })),
  );
}
