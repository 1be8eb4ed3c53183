import { createRng, lognormal, lognormalFromQuantiles } from "../random";
import { proportionInterval, quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkPositive, checkProbability, checkSeed, invalidRange } from "../validate";

/** Options for microserviceChain. */
export interface MicroserviceChainOptions {
  /** Chain lengths N (services a request crosses one after another), integers ≥ 1, one row each. Defaults to 1, 2, 5, 10, 20, 50. */
  services?: readonly number[];
  /** Round trip of each call between services, ms. Defaults to 1 (one data centre). */
  hopRttMs?: number;
  /** Median processing time of one service, ms. Defaults to 5. */
  medianMs?: number;
  /** 99th-percentile processing time of one service, ms (lognormal tail). Defaults to 50. */
  p99Ms?: number;
  /** Availability of each service, in [0, 1]. Defaults to 0.999 (three nines). */
  availability?: number;
  /** Requests simulated per row. Defaults to 20,000. */
  requests?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * A request through a chain of N microservices, each called by the previous one: latency is the
 * sum of N (round trip + lognormal processing), availability the product a^N (every service must
 * be up, independently). One row per N: simulated mean and p99 latency beside the closed-form
 * mean N·(hop + e^(μ + σ²/2)), and the fraction of requests that found every service up (95%
 * Wilson interval) beside a^N.
 */
export function microserviceChain({
  services = [1, 2, 5, 10, 20, 50],
  hopRttMs = 1,
  medianMs = 5,
  p99Ms = 50,
  availability = 0.999,
  requests = 20_000,
  seed = 1,
}: MicroserviceChainOptions = {}): Table {
  checkNonEmptyArray<number>("services", services).forEach((n, i) => checkInteger(`services[${i}]`, n, 1, 1000));
  checkNonNegative("hopRttMs", hopRttMs);
  checkPositive("medianMs", medianMs);
  if (!(p99Ms > medianMs)) throw invalidRange("p99Ms", p99Ms, `a number greater than medianMs (${medianMs})`);
  checkProbability("availability", availability);
  checkInteger("requests", requests, 2, 10_000_000);
  checkSeed(seed);
  const { mu, sigma } = lognormalFromQuantiles(medianMs, p99Ms);
  const serviceMean = Math.exp(mu + (sigma * sigma) / 2);
  return tableFromRows(
    services.map((n, row) => {
      const rng = createRng((seed + 104729 * row) >>> 0);
      const processing = lognormal(rng, mu, sigma);
      const latency = new Float64Array(requests);
      let succeeded = 0;
      for (let r = 0; r < requests; r++) {
        let total = 0;
        let up = true;
        for (let s = 0; s < n; s++) {
          total += hopRttMs + processing();
          if (rng.random() >= availability) up = false;
        }
        latency[r] = total;
        if (up) succeeded++;
      }
      const [p50, p99] = quantiles(latency, [0.5, 0.99]);
      const { estimate, lower, upper } = proportionInterval(succeeded, requests);
      return {
        services: n,
        mean_ms: latency.reduce((a, b) => a + b, 0) / requests,
        closed_form_mean_ms: n * (hopRttMs + serviceMean),
        p50_ms: p50,
        p99_ms: p99,
        availability: estimate,
        lower,
        upper,
        closed_form_availability: availability ** n,
      };
    }),
  );
}
