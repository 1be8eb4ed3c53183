import { createRng } from "../random";
import { meanInterval, proportionInterval, quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkNumber, checkProbability, checkSeed, invalidRange } from "../validate";
import { retryClosedForm, type RetryOptions } from "./retry-closed-form";

/** Options for simulateRetries. */
export interface SimulateRetriesOptions extends RetryOptions {
  /** Requests simulated per retry budget. Defaults to 20,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * "The network is reliable" (the first fallacy): requests retried after a timeout over a lossy
 * network. One row per retry budget 0..retries: success rate, latency of successful requests
 * and duplicate executions at the server (a lost reply makes the server execute again), each
 * simulated with its 95% interval beside the closed form.
 */
export function simulateRetries({
  requestLoss = 0.1,
  replyLoss = 0.1,
  retries = 3,
  rttMs = 50,
  timeoutMs = 200,
  trials = 20_000,
  seed = 1,
}: SimulateRetriesOptions = {}): Table {
  checkProbability("requestLoss", requestLoss);
  checkProbability("replyLoss", replyLoss);
  checkInteger("retries", retries, 0, 1000);
  checkNonNegative("rttMs", rttMs);
  checkNumber("timeoutMs", timeoutMs, { min: 0 });
  // A timeout shorter than the round trip fires while the reply is on its way: every request retries.
  if (timeoutMs < rttMs) throw invalidRange("timeoutMs", timeoutMs, `a number ≥ rttMs (${rttMs})`);
  checkInteger("trials", trials, 2, 10_000_000);
  checkSeed(seed);
  const rows = [];
  for (let budget = 0; budget <= retries; budget++) {
    const rng = createRng((seed + 31 * budget) >>> 0);
    let successes = 0;
    const duplicates = new Float64Array(trials);
    const latencies: number[] = [];
    for (let t = 0; t < trials; t++) {
      let executions = 0;
      for (let attempt = 0; attempt <= budget; attempt++) {
        const requestArrives = rng.random() >= requestLoss;
        const replyArrives = rng.random() >= replyLoss;
        if (requestArrives) executions++;
        if (requestArrives && replyArrives) {
          successes++;
          latencies.push(attempt * timeoutMs + rttMs);
          break;
        }
      }
      duplicates[t] = Math.max(0, executions - 1);
    }
    const closed = retryClosedForm({ requestLoss, replyLoss, retries: budget, rttMs, timeoutMs });
    const success = proportionInterval(successes, trials);
    const dup = meanInterval(duplicates);
    const [p50, p99] = latencies.length ? quantiles(latencies, [0.5, 0.99]) : [NaN, NaN];
    rows.push({
      retries: budget,
      success_rate: success.estimate,
      success_lower: success.lower,
      success_upper: success.upper,
      success_closed_form: closed.success,
      duplicates_per_request: dup.estimate,
      duplicates_lower: dup.lower,
      duplicates_upper: dup.upper,
      duplicates_closed_form: closed.duplicates,
      mean_latency_ms: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN,
      mean_latency_closed_form_ms: closed.meanLatencyMs,
      p50_latency_ms: p50,
      p99_latency_ms: p99,
    });
  }
  return tableFromRows(rows);
}
