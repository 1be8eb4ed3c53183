import { createRng, exponential } from "../random";
import { meanInterval, quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNumber, checkPositive, checkSeed } from "../validate";

/**
 * Mean response time of an M/M/1 server (Poisson arrivals, exponential service, FIFO):
 * R = S / (1 - ρ) with ρ = λ·S the utilisation; its p-quantile is -R·ln(1 - p).
 */
export function mm1ResponseTime({ utilization, serviceMs = 10 }: { utilization: number; serviceMs?: number }): { meanMs: number; p99Ms: number } {
  checkNumber("utilization", utilization, { min: 0, max: 1, maxOpen: true });
  checkPositive("serviceMs", serviceMs);
  const meanMs = serviceMs / (1 - utilization);
  return { meanMs, p99Ms: -meanMs * Math.log(0.01) };
}

/** Options for clientServer. */
export interface ClientServerOptions {
  /** Utilisations ρ to simulate, each in [0, 1). Defaults to 0.1, 0.2, ..., 0.9, 0.95. */
  utilizations?: readonly number[];
  /** Mean service time, ms. Defaults to 10. */
  serviceMs?: number;
  /** Requests simulated per point. Defaults to 50,000. */
  requests?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** Batches for the batch-means interval: few enough that each batch (requests / 20) outlasts the queue's memory. */
const BATCHES = 20;

/**
 * One server under growing load: simulated response times (Lindley's recursion for a FIFO
 * queue) beside the M/M/1 closed form. One row per utilisation. Successive response times are
 * correlated (a long queue stays long), the more so as ρ → 1, so the mean's 95% interval comes
 * from batch means (20 batches of consecutive requests, Law & Kelton ch. 9), not from the
 * requests as if independent: near ρ = 1 it is wide unless `requests` is large.
 */
export function clientServer({
  utilizations = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
  serviceMs = 10,
  requests = 50_000,
  seed = 1,
}: ClientServerOptions = {}): Table {
  checkNonEmptyArray("utilizations", utilizations).forEach((u, i) => checkNumber(`utilizations[${i}]`, u, { min: 0, max: 1, maxOpen: true }));
  checkPositive("serviceMs", serviceMs);
  checkInteger("requests", requests, 10 * BATCHES);
  checkSeed(seed);
  return tableFromRows(
    utilizations.map((utilization, point) => {
      const rng = createRng((seed + 7919 * point) >>> 0);
      const service = exponential(rng, 1 / serviceMs);
      const gap = exponential(rng, utilization / serviceMs);
      const response = new Float64Array(requests);
      // Lindley: a request waits for whatever work the previous one left after the gap between them.
      let wait = 0;
      let previousService = 0;
      for (let i = 0; i < requests; i++) {
        const arrivalGap = utilization === 0 ? Infinity : gap();
        wait = i === 0 ? 0 : Math.max(0, wait + previousService - arrivalGap);
        previousService = service();
        response[i] = wait + previousService;
      }
      const [p50, p99] = quantiles(response, [0.5, 0.99]);
      const closed = mm1ResponseTime({ utilization, serviceMs });
      const size = Math.floor(requests / BATCHES);
      const batchMeans = Array.from({ length: BATCHES }, (_, b) => response.subarray(b * size, (b + 1) * size).reduce((a, x) => a + x, 0) / size);
      const { lower, upper } = meanInterval(batchMeans);
      return {
        utilization,
        mean_ms: response.reduce((a, b) => a + b, 0) / requests,
        mean_lower_ms: lower,
        mean_upper_ms: upper,
        p50_ms: p50,
        p99_ms: p99,
        closed_form_mean_ms: closed.meanMs,
        closed_form_p99_ms: closed.p99Ms,
      };
    }),
  );
}
