import { createRng, exponential, lognormal, lognormalFromQuantiles, type Sampler } from "../random";
import { meanInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkOneOf, checkPositive } from "../validate";
import { callsClosedForm, type ServiceDistribution, SERVICE_DISTRIBUTIONS } from "./calls-closed-form";
import { summarizeLatencies } from "./latency-summary";
import { workload, type Workload } from "./workload";

/** Options for sequentialVsParallel. */
export interface ParallelCallsOptions {
  /** Largest number of independent remote calls a request makes. Defaults to 10. */
  maxCalls?: number;
  /** Requests simulated per point. Defaults to 5,000. */
  trials?: number;
  /**
   * Distribution of a call's service time: "lognormal" (the workload's median and p99),
   * "exponential" or "deterministic" (both with mean serviceMeanMs). Defaults to "lognormal".
   */
  serviceDistribution?: ServiceDistribution;
  /** Mean service time in milliseconds for the exponential and deterministic cases. Defaults to the workload lognormal's mean. */
  serviceMeanMs?: number;
}

/**
 * k independent remote calls made one after another (latency = sum) or all at once
 * (latency = max). Each call costs a round trip plus a service time. One row per (k, mode),
 * with the simulated mean's 95% interval beside the closed-form mean where one exists.
 */
export function sequentialVsParallel(options: ParallelCallsOptions & Partial<Workload> = {}): Table {
  const { maxCalls = 10, trials = 5_000, serviceDistribution = "lognormal", serviceMeanMs, ...rest } = options;
  checkInteger("maxCalls", maxCalls, 1, 1000);
  checkInteger("trials", trials, 2);
  checkOneOf("serviceDistribution", serviceDistribution, SERVICE_DISTRIBUTIONS);
  const w = workload(rest);
  const { mu, sigma } = lognormalFromQuantiles(w.serviceMedianMs, w.serviceP99Ms);
  const meanMs = serviceMeanMs ?? Math.exp(mu + (sigma * sigma) / 2);
  checkPositive("serviceMeanMs", meanMs);
  const rows = [];
  for (let k = 1; k <= maxCalls; k++) {
    const rng = createRng((w.seed + 7 * k) >>> 0);
    const service: Sampler =
      serviceDistribution === "lognormal" ? lognormal(rng, mu, sigma) : serviceDistribution === "exponential" ? exponential(rng, 1 / meanMs) : () => meanMs;
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
    const closed = callsClosedForm({ calls: k, rttMs: w.rttMs, serviceMeanMs: meanMs, serviceDistribution });
    for (const [mode, values, closedMean] of [
      ["sequential", sequential, closed.sequentialMs],
      ["parallel", parallel, closed.parallelMs],
    ] as const) {
      const { lower, upper } = meanInterval(values);
      rows.push({ calls: k, mode, ...summarizeLatencies(values), mean_lower_ms: lower, mean_upper_ms: upper, closed_form_mean_ms: closedMean });
    }
  }
  return tableFromRows(rows);
}

/** Closed forms for k calls of exponential latency with mean m: sequential k·m, parallel m·H_k (H_k the harmonic number). */
export function exponentialCallsMean({ calls, meanMs }: { calls: number; meanMs: number }): { sequential: number; parallel: number } {
  checkInteger("calls", calls, 1);
  checkNonNegative("meanMs", meanMs);
  const { sequentialMs, parallelMs } = callsClosedForm({ calls, rttMs: 0, serviceMeanMs: meanMs, serviceDistribution: "exponential" });
  return { sequential: sequentialMs, parallel: parallelMs };
}
