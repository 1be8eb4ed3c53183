import { createRng } from "../random";
import { quantile } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkNumber, checkProbability, checkSeed, invalidRange } from "../validate";

/** Parameters of a request over a lossy network, retried after a timeout. */
export interface RetryOptions {
  /** Probability that a request message is lost. Defaults to 0.1. */
  requestLoss?: number;
  /** Probability that a reply message is lost. Defaults to 0.1. */
  replyLoss?: number;
  /** Retries after the first attempt, an integer ≥ 0. Defaults to 3. */
  retries?: number;
}

/**
 * Closed forms for at-least-once retries with no duplicate detection at the server: an attempt
 * succeeds with s = (1 - requestLoss)(1 - replyLoss); P(success) = 1 - (1 - s)^(retries+1);
 * expected attempts Σ_{i=0..retries} (1 - s)^i; every attempt whose request arrives executes,
 * so expected executions = (1 - requestLoss)·attempts and duplicates = executions - P(≥ 1 execution),
 * where P(no execution) = requestLoss^(retries+1).
 */
export function retryClosedForm({ requestLoss = 0.1, replyLoss = 0.1, retries = 3 }: RetryOptions = {}): { success: number; attempts: number; executions: number; duplicates: number } {
  checkProbability("requestLoss", requestLoss);
  checkProbability("replyLoss", replyLoss);
  checkInteger("retries", retries, 0, 1000);
  const fail = 1 - (1 - requestLoss) * (1 - replyLoss);
  let attempts = 0;
  for (let i = 0; i <= retries; i++) attempts += fail ** i;
  const executions = (1 - requestLoss) * attempts;
  return { success: 1 - fail ** (retries + 1), attempts, executions, duplicates: executions - (1 - requestLoss ** (retries + 1)) };
}

/** Options for simulateRetries. */
export interface SimulateRetriesOptions extends RetryOptions {
  /** Round-trip time when nothing is lost, ms. Defaults to 50. */
  rttMs?: number;
  /** Client timeout before a retry, ms (must exceed the RTT, or retries fire while replies are on their way). Defaults to 200. */
  timeoutMs?: number;
  /** Requests simulated per point. Defaults to 20,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * "The network is reliable" (the first fallacy): requests retried after a timeout over a lossy
 * network. One row per retry budget 0..retries: success rate, latency of successful requests and
 * duplicate executions at the server, simulated beside the closed forms.
 */
export function simulateRetries({ requestLoss = 0.1, replyLoss = 0.1, retries = 3, rttMs = 50, timeoutMs = 200, trials = 20_000, seed = 1 }: SimulateRetriesOptions = {}): Table {
  checkProbability("requestLoss", requestLoss);
  checkProbability("replyLoss", replyLoss);
  checkInteger("retries", retries, 0, 1000);
  checkNonNegative("rttMs", rttMs);
  checkNumber("timeoutMs", timeoutMs, { min: 0 });
  if (timeoutMs < rttMs) throw invalidRange("timeoutMs", timeoutMs, `a number ≥ rttMs (${rttMs})`);
  checkInteger("trials", trials, 1);
  checkSeed(seed);
  const rows = [];
  for (let budget = 0; budget <= retries; budget++) {
    const rng = createRng((seed + 31 * budget) >>> 0);
    let successes = 0;
    let duplicates = 0;
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
      if (executions > 1) duplicates += executions - 1;
    }
    const closed = retryClosedForm({ requestLoss, replyLoss, retries: budget });
    rows.push({
      retries: budget,
      success_rate: successes / trials,
      success_closed_form: closed.success,
      duplicates_per_request: duplicates / trials,
      duplicates_closed_form: closed.duplicates,
      mean_latency_ms: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN,
      p99_latency_ms: latencies.length ? quantile(latencies, 0.99) : NaN,
    });
  }
  return tableFromRows(rows);
}
