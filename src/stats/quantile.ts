import { quantileSorted } from "simple-statistics";
import { checkProbability } from "../validate";

/** The p-quantile of values (in any order), by simple-statistics' rule (interpolating between the two nearest ranks). */
export function quantile(values: ArrayLike<number>, p: number): number {
  checkProbability("p", p);
  if (values.length === 0) throw new RangeError("invalid values: [] (expected a non-empty array)");
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(Array.from(sorted), p);
}

/** Several quantiles of the same values, sorting once. */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  ps.forEach((p) => checkProbability("p", p));
  if (values.length === 0) throw new RangeError("invalid values: [] (expected a non-empty array)");
  const sorted = Array.from(Float64Array.from(values).sort());
  return ps.map((p) => quantileSorted(sorted, p));
}
