import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNumber, invalidType } from "../validate";
import { decades } from "./decades";
import { expectedFailuresPerDay } from "./expected-failures-per-day";
import { PUBLISHED_FAILURE_RATES, type PublishedFailureRate } from "./published-failure-rates";

/** Options for sweepFailuresPerDay. */
export interface FailuresPerDaySweep {
  /** Cluster sizes, integers ≥ 0. Defaults to 1, 2, 5, ..., 100,000. */
  ns?: readonly number[];
  /** Annual failure rates to compare, each with its label and source. Defaults to PUBLISHED_FAILURE_RATES. */
  rates?: readonly PublishedFailureRate[];
}

/**
 * Expected failures per day (n·afr/365) vs cluster size for published annual failure rates.
 * One row per (rate, n), columns label, unit, afr, source, n, failures_per_day, days_between_failures.
 */
export function sweepFailuresPerDay({ ns = decades(100_000), rates = PUBLISHED_FAILURE_RATES }: FailuresPerDaySweep = {}): Table {
  checkNonEmptyArray<number>("ns", ns).forEach((n, i) => checkInteger(`ns[${i}]`, n, 0));
  checkNonEmptyArray<PublishedFailureRate>("rates", rates).forEach((rate, i) => {
    if (rate === null || typeof rate !== "object") throw invalidType(`rates[${i}]`, rate, "a rate { label, afr, source }");
    checkNumber(`rates[${i}].afr`, rate.afr, { min: 0, max: 1 });
  });
  const rows = [];
  for (const rate of rates) {
    for (const n of ns) {
      const failuresPerDay = expectedFailuresPerDay({ n, afr: rate.afr });
      rows.push({
        label: rate.label,
        unit: rate.unit,
        afr: rate.afr,
        source: rate.source,
        n,
        failures_per_day: failuresPerDay,
        days_between_failures: 1 / failuresPerDay,
      });
    }
  }
  return tableFromRows(rows);
}
