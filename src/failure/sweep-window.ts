import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkNumber } from "../validate";
import { anyFailureProbability } from "./any-failure-probability";
import { windowFailureProbability } from "./window-failure-probability";

/** Options for sweepWindow. */
export interface WindowSweep {
  /** Annual failure rates, each in [0, 1). Defaults to 0.0136 (Backblaze 2025), 0.0301 (Schroeder & Gibson) and 0.086 (Pinheiro et al., year 3). */
  afrs?: readonly number[];
  /** Window lengths in days, each ≥ 0. Defaults to 1, 7, 30, 90, 365. */
  days?: readonly number[];
  /** Cluster size for the any_failure column, an integer ≥ 0. Defaults to 1 (one node: any_failure equals p). */
  n?: number;
}

/**
 * Failure probability vs window length under the constant-hazard model: per node,
 * p = 1 - (1 - afr)^(days/365), and for a cluster of n, any_failure = 1 - (1 - p)^n.
 * One row per (afr, days), columns afr, days, p, n, any_failure.
 */
export function sweepWindow({ afrs = [0.0136, 0.0301, 0.086], days = [1, 7, 30, 90, 365], n = 1 }: WindowSweep = {}): Table {
  checkNonEmptyArray<number>("afrs", afrs).forEach((afr, i) => checkNumber(`afrs[${i}]`, afr, { min: 0, max: 1, maxOpen: true }));
  checkNonEmptyArray<number>("days", days).forEach((d, i) => checkNonNegative(`days[${i}]`, d));
  checkInteger("n", n, 0);
  const rows = [];
  for (const afr of afrs) {
    for (const d of days) {
      const p = windowFailureProbability({ afr, days: d });
      rows.push({ afr, days: d, p, n, any_failure: anyFailureProbability({ n, p }) });
    }
  }
  return tableFromRows(rows);
}
