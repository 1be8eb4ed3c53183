import { checkInteger, checkNumber, invalidRange, invalidType } from "../validate";
import { DAYS_PER_YEAR } from "./window-failure-probability";

/** Options for expectedFailuresPerDay: give either the annual failure rate or the MTBF. */
export interface FailuresPerDayOptions {
  /** Number of nodes, an integer ≥ 0. Failed nodes are replaced, so the cluster keeps n nodes. */
  n: number;
  /** Annual failure rate: failures per node-year, in [0, 1]. Give this or mtbfYears. */
  afr?: number;
  /** Mean time between failures of one node, in years (> 0). Give this or afr. */
  mtbfYears?: number;
}

/**
 * Expected node failures per day in a cluster of n nodes: n·afr/365, or n/(365·MTBF).
 * The AFR is read as published, failures per node-year (Backblaze Drive Stats:
 * AFR = failures / (drive-days / 365)), which makes 1/MTBF the same quantity. Dean (LADIS 2009):
 * 10,000 servers with a 30-year MTBF see 10,000/(30·365) ≈ 0.91 failures a day.
 */
export function expectedFailuresPerDay({ n, afr, mtbfYears }: FailuresPerDayOptions): number {
  checkInteger("n", n, 0);
  if (afr !== undefined && mtbfYears !== undefined) throw invalidRange("mtbfYears", mtbfYears, "no mtbfYears when afr is given");
  if (afr !== undefined) return (n * checkNumber("afr", afr, { min: 0, max: 1 })) / DAYS_PER_YEAR;
  if (mtbfYears === undefined) throw invalidType("afr", afr, "a number in [0, 1], or mtbfYears > 0");
  return n / (DAYS_PER_YEAR * checkNumber("mtbfYears", mtbfYears, { min: 0, minOpen: true }));
}
