import { checkNonNegative, checkNumber } from "../validate";

/** Days in the year that an annual failure rate refers to. */
export const DAYS_PER_YEAR = 365;

/** Options for windowFailureProbability. */
export interface WindowFailureOptions {
  /** Annual failure rate: the probability that one node fails within a year, in [0, 1). */
  afr: number;
  /** Window length in days, ≥ 0. Defaults to 1. */
  days?: number;
}

/**
 * Probability that one node fails within a window of `days`, given its annual failure rate.
 * Model: a constant hazard (exponential lifetime, no wear-out, no bursts), so survival over t
 * years is (1 - afr)^t and P(fail in window) = 1 - (1 - afr)^(days/365). Field data break the
 * model in both directions: infant mortality and ageing (Pinheiro et al., FAST 2007: 1.7% in the
 * first year, 8.6% at three years) and failures clustered in time (Schroeder & Gibson, FAST 2007).
 */
export function windowFailureProbability({ afr, days = 1 }: WindowFailureOptions): number {
  checkNumber("afr", afr, { min: 0, max: 1, maxOpen: true });
  checkNonNegative("days", days);
  return -Math.expm1((days / DAYS_PER_YEAR) * Math.log1p(-afr));
}
