import { createRng } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkSeed } from "../validate";
import { summarizeLatencies } from "./latency-summary";
import { workload, workloadSamplers, type Workload } from "./workload";

/** Options for sequentialVsParallel. */
export interface ParallelCallsOptions {
  /** Largest number of independent remote calls a request makes. Defaults to 10. */
  maxCalls?: number;
  /** Requests simulated per point. Defaults to 5,000. */
  trials?: number;
}

/**
 * k independent remote calls made one after another (latency = sum) or all at once
 * (latency = max). Each call costs a round trip plus a service time. One row per (k, mode).
 */
export function sequentialVsParallel(options: ParallelCallsOptions & Partial<Workload> = {}): Table {
  const { maxCalls = 10, trials = 5_000, ...rest } = options;
  checkInteger("maxCalls", maxCalls, 1, 1000);
  checkInteger("trials", trials, 2);
  const w = workload(rest);
  checkSeed(w.seed);
  const rows = [];
  for (let k = 1; k <= maxCalls; k++) {
    const { service } = workloadSamplers(w, createRng((w.seed + 7 * k) >>> 0));
    const sequential = new Float64Array(trials);
    const parallel = new Float64Array(trials);
    for (let t = 0; t < trials; t++) {
      let sum = 0;
      let max = 0;
      for (let c = 0; c < k; c++) {
        const call = w.rttMs + service();
        sum += call;
        if (call > max) max = call;
      }
      sequential[t] = sum;
      parallel[t] = max;
    }
    rows.push({ calls: k, mode: "sequential", ...summarizeLatencies(sequential) });
    rows.push({ calls: k, mode: "parallel", ...summarizeLatencies(parallel) });
  }
  return tableFromRows(rows);
}

/** Closed forms for k calls of exponential latency with mean m: sequential k·m, parallel m·H_k (H_k the harmonic number). */
export function exponentialCallsMean({ calls, meanMs }: { calls: number; meanMs: number }): { sequential: number; parallel: number } {
  checkInteger("calls", calls, 1);
  let harmonic = 0;
  for (let i = 1; i <= calls; i++) harmonic += 1 / i;
  return { sequential: calls * meanMs, parallel: meanMs * harmonic };
}
