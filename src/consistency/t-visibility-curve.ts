import { tableFromRows, type Table } from "../table";
import { checkNonEmptyArray, checkNonNegative } from "../validate";
import { stalenessWindows, checkWarsOptions, type WarsOptions } from "./wars";

/** Options of {@link tVisibilityCurve}. */
export interface TVisibilityCurveOptions extends WarsOptions {
  /** Times after the commit, in ms (each ≥ 0). Defaults to 0, 1, ..., 100. */
  timesMs?: readonly number[];
}

/**
 * The probability of a consistent read against the time since the write committed (PBS
 * t-visibility, Bailis et al., VLDB 2012, Fig. 5): one row per time, columns t_ms and
 * consistent, plus n, r, w and profile so several curves stack into one table.
 */
export function tVisibilityCurve(options: TVisibilityCurveOptions = {}): Table {
  const { timesMs = Array.from({ length: 101 }, (_, i) => i) } = options;
  checkNonEmptyArray("timesMs", timesMs);
  timesMs.forEach((t, i) => checkNonNegative(`timesMs[${i}]`, t));
  const { n, r, w, profile } = checkWarsOptions(options);
  const sorted = stalenessWindows(options).sort();
  return tableFromRows(
    timesMs.map((t) => {
      // Windows are sorted: count those ≤ t by binary search.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= t) lo = mid + 1;
        else hi = mid;
      }
      return { n, r, w, profile, t_ms: t, consistent: lo / sorted.length };
    }),
  );
}
