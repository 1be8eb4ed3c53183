// The headline results of chapters 01–03, as tables: what `npm start` prints before it builds the handouts.
import { chord, failure, latency } from "../src";
import type { Table } from "../src/table";

function show(title: string, table: Table, digits = 4): void {
  const rounded = table
    .objects()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(digits)) : v]),
      ),
    );
  console.log(`\n${title}\n`);
  console.table(rounded);
}

/** Prints one table per chapter's headline experiment. */
export function printHeadlineResults(): void {
  show(
    "01 · P(at least one node fails) vs cluster size (closed form and Monte Carlo, seed 1)",
    failure
      .sweepClusterSize({ ns: [1, 10, 100, 1000, 10_000], ps: [0.001, 0.01], trials: 2000, seed: 1 })
      .select("p", "n", "closed_form", "estimate", "lower", "upper"),
  );
  const infra = failure.seriesAvailability(failure.seed000Infrastructure({ availability: 0.99 }));
  console.log(
    `\n01 · Seed 000 infrastructure at 99% per instance: availability ${(infra.availability * 100).toFixed(3)}% (${infra.nines.toFixed(2)} nines), weakest tier: ${infra.weakest.name}`,
  );
  const fan = latency.simulateFanout({ fanout: 100, slowProbability: 0.01, trials: 20_000, seed: 1 });
  console.log(
    `\n02 · Tail at Scale: fan-out 100, 1% slow: ${(fan.closedForm * 100).toFixed(1)}% closed form, ${(fan.estimate * 100).toFixed(1)}% simulated [${(fan.lower * 100).toFixed(1)}, ${(fan.upper * 100).toFixed(1)}]`,
  );
  show("02 · Latency-hiding strategies on one workload (seed 1)", latency.compareStrategies({ seed: 1 }));
  show(
    "03 · Chord path length vs N (seed 1)",
    chord.pathLengths({ maxExponent: 14, lookupsPerNode: 10, seed: 1 }).select("nodes", "mean_hops", "p99_hops", "half_log2_n"),
  );
}
