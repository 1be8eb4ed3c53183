import { quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { invalidRange } from "../validate";

/**
 * Summarises an electionSweep table by range, in the order the ranges appear: trials, median,
 * mean, p99 and max of ms, the fraction elected before maxMs, and the mean number of split votes.
 * Trials cut off at maxMs count at maxMs, so statistics above that fraction are lower bounds.
 */
export function electionSummary(sweep: Table): Table {
  const rows = sweep.objects() as { range: string; ms: number; split_votes: number; elected: boolean }[];
  if (rows.length === 0 || !("range" in rows[0])) throw invalidRange("sweep", "a table without range rows", "an electionSweep table");
  const groups = new Map<string, typeof rows>();
  for (const row of rows) groups.set(row.range, [...(groups.get(row.range) ?? []), row]);
  return tableFromRows(
    [...groups].map(([range, group]) => {
      const ms = group.map((r) => r.ms);
      const [median, p99, max] = quantiles(ms, [0.5, 0.99, 1]);
      return {
        range,
        trials: group.length,
        median_ms: median,
        mean_ms: ms.reduce((a, b) => a + b, 0) / ms.length,
        p99_ms: p99,
        max_ms: max,
        elected: group.filter((r) => r.elected).length / group.length,
        mean_split_votes: group.reduce((a, r) => a + r.split_votes, 0) / group.length,
      };
    }),
  );
}
