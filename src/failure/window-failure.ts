import { checkNonNegative, checkNumber } from "../validate";

const DAYS_PER_YEAR = 365;

/** Options for windowFailureProbability. */
export interface WindowFailureOptions {
  /** Annual failure rate: the fraction of nodes that fail in a year, in [0, 1). */
  afr: number;
  /** Window length in days, ≥ 0. Defaults to 1. */
  days?: number;
}

/**
 * Probability that one node fails within a window of `days`, given its annual failure rate.
 * Model: a constant hazard (exponential lifetimes), so survival over t years is (1 - afr)^t
 * and P(fail in window) = 1 - (1 - afr)^(days/365).
 */
export function windowFailureProbability({ afr, days = 1 }: WindowFailureOptions): number {
  checkNumber("afr", afr, { min: 0, max: 1, maxOpen: true });
  checkNonNegative("days", days);
  return -Math.expm1((days / DAYS_PER_YEAR) * Math.log1p(-afr));
}

/** Options for expectedFailuresPerDay: give the annual failure rate or the mean time between failures. */
export interface FailuresPerDayOptions {
  /** Number of nodes, ≥ 0. */
  n: number;
  /** Annual failure rate in [0, 1). */
  afr?: number;
  /** Mean time between failures of one node, in years (> 0). Used when afr is not given. */
  mtbfYears?: number;
}

/**
 * Expected number of node failures per day in a cluster of n nodes: n times the daily hazard.
 * With an MTBF the daily hazard is 1/(365·MTBF) (Dean, LADIS 2009: 10,000 servers with a
 * 30-year MTBF see about one failure a day); with an AFR it is -ln(1 - afr)/365.
 */
export function expectedFailuresPerDay({ n, afr, mtbfYears }: FailuresPerDayOptions): number {
  checkNonNegative("n", n);
  if (afr !== undefined) {
    checkNumber("afr", afr, { min: 0, max: 1, maxOpen: true });
    return (n * -Math.log1p(-afr)) / DAYS_PER_YEAR;
  }
  if (mtbfYears === undefined) throw new TypeError("invalid afr: undefined (expected afr in [0, 1) or mtbfYears > 0)");
  checkNumber("mtbfYears", mtbfYears, { min: 0, minOpen: true });
  return n / (DAYS_PER_YEAR * mtbfYears);
}
