import { deriveSeed } from "../failure/derive-seed";
import { tableFromRows, type Table } from "../table";
import { checkNonEmptyArray } from "../validate";
import { electionTimes, type ElectionTimesOptions } from "./election-times";

/** The timeout ranges of Ongaro & Ousterhout's Figure 16: its top plot (150 ms + randomness), then its bottom plot (scaled ranges). */
export const FIGURE16_RANGES: Readonly<{ top: readonly [number, number][]; bottom: readonly [number, number][] }> = {
  top: [
    [150, 150],
    [150, 151],
    [150, 155],
    [150, 175],
    [150, 200],
    [150, 300],
  ],
  bottom: [
    [12, 24],
    [25, 50],
    [50, 100],
    [100, 200],
    [150, 300],
  ],
};

/** Options of {@link electionSweep}. */
export interface ElectionSweepOptions extends Omit<ElectionTimesOptions, "timeoutMs"> {
  /** Election timeout ranges [min, max] in ms. Defaults to Figure 16's top plot. */
  ranges?: readonly [number, number][];
}

/**
 * electionTimes for several timeout ranges, stacked: one row per trial with its range ("150-155"),
 * timeout_min and timeout_max. Each range draws from a seed derived from (seed, min, max), so a
 * range's rows do not depend on the other ranges in the sweep.
 */
export function electionSweep(options: ElectionSweepOptions = {}): Table {
  const { ranges = FIGURE16_RANGES.top, seed = 1, ...rest } = options;
  checkNonEmptyArray("ranges", ranges);
  const rows: object[] = [];
  for (const [min, max] of ranges) {
    const table = electionTimes({ ...rest, timeoutMs: [min, max], seed: deriveSeed(seed, min, max) });
    const ms = table.array("ms") as Float64Array;
    const splits = table.array("split_votes") as Int32Array;
    const elected = table.array("elected") as boolean[];
    for (let i = 0; i < ms.length; i++)
      rows.push({ range: `${min}-${max}`, timeout_min: min, timeout_max: max, trial: i, ms: ms[i], split_votes: splits[i], elected: elected[i] });
  }
  return tableFromRows(rows);
}
