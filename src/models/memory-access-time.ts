import { tableFromRows, type Table } from "../table";
import { checkNonEmptyArray, checkPositive, checkProbability } from "../validate";

/**
 * Where a remote word lives, with the latency of one access from Dean's "numbers everyone should
 * know" (LADIS 2009), the numbers chapter 02 cites: main memory 100 ns, a round trip within a data
 * centre 500 µs, California–Netherlands–California 150 ms.
 */
export const MEMORY_TIERS = [
  { name: "shared memory (multiprocessor)", remoteNs: 100 },
  { name: "DSM in one data centre", remoteNs: 500_000 },
  { name: "DSM across continents", remoteNs: 150_000_000 },
] as const;

/** Options for memoryAccessTime. */
export interface MemoryAccessTimeOptions {
  /** Fractions of accesses that go to a remote host, swept. Defaults to 10^-6 … 1, two points a decade. */
  remoteFractions?: readonly number[];
  /** Latency of a local access, ns. Defaults to 100 (main memory reference). */
  localNs?: number;
}

/**
 * Shared memory vs message passing, and software DSM as NUMA (notes 004, "Comunicação"): the mean
 * time of a memory access when a fraction f of them go to another host, (1 − f)·local + f·remote,
 * for each tier of MEMORY_TIERS. One row per (tier, f): mean access time and the slowdown against
 * all-local memory. (A mean of two constants needs no simulation.)
 */
export function memoryAccessTime({ remoteFractions, localNs = 100 }: MemoryAccessTimeOptions = {}): Table {
  const fractions = remoteFractions ?? Array.from({ length: 13 }, (_, i) => Math.pow(10, -6 + i / 2));
  checkNonEmptyArray("remoteFractions", fractions);
  for (const f of fractions) checkProbability("remote fraction", f);
  checkPositive("localNs", localNs);
  const rows = [];
  for (const tier of MEMORY_TIERS) {
    for (const f of fractions) {
      const mean = (1 - f) * localNs + f * tier.remoteNs;
      rows.push({ tier: tier.name, remote_fraction: f, mean_ns: mean, slowdown: mean / localNs });
    }
  }
  return tableFromRows(rows);
}

/** The remote fraction at which remote accesses take as long in total as local ones: local / (remote − local). */
export function breakEvenRemoteFraction(localNs: number, remoteNs: number): number {
  checkPositive("localNs", localNs);
  checkPositive("remoteNs", remoteNs);
  return remoteNs > localNs ? localNs / (remoteNs - localNs) : Infinity;
}
