import { mean as ssMean } from "simple-statistics";

/** Arithmetic mean of a non-empty list. */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError("invalid values: [] (expected a non-empty array)");
  return ssMean(Array.from(values));
}
