import { checkInteger, checkNonNegative, checkOneOf } from "../validate";

/** Service-time distributions with a name, for the call experiments. */
export const SERVICE_DISTRIBUTIONS = ["lognormal", "exponential", "deterministic"] as const;

/** One of {@link SERVICE_DISTRIBUTIONS}. */
export type ServiceDistribution = (typeof SERVICE_DISTRIBUTIONS)[number];

/** Options for callsClosedForm. */
export interface CallsClosedFormOptions {
  /** Independent remote calls k, an integer ≥ 1. Required. */
  calls: number;
  /** Round-trip time of each call in milliseconds. Defaults to 50. */
  rttMs?: number;
  /** Mean service time of a call in milliseconds. Defaults to 10. */
  serviceMeanMs?: number;
  /** Service-time distribution. Defaults to "exponential". */
  serviceDistribution?: ServiceDistribution;
}

/**
 * Mean latency of k independent calls, each a round trip r plus a service time of mean m, made
 * one after another (sum) or all at once (max): sequential k·(r + m) for any distribution;
 * parallel r + m for a deterministic service time and r + m·H_k for an exponential one
 * (H_k = 1 + 1/2 + … + 1/k, the expected maximum of k unit exponentials); NaN for the lognormal,
 * whose maximum has no closed form.
 */
export function callsClosedForm({ calls, rttMs = 50, serviceMeanMs = 10, serviceDistribution = "exponential" }: CallsClosedFormOptions): {
  sequentialMs: number;
  parallelMs: number;
} {
  checkInteger("calls", calls, 1);
  checkNonNegative("rttMs", rttMs);
  checkNonNegative("serviceMeanMs", serviceMeanMs);
  checkOneOf("serviceDistribution", serviceDistribution, SERVICE_DISTRIBUTIONS);
  let harmonic = 0;
  for (let i = 1; i <= calls; i++) harmonic += 1 / i;
  const parallelMs =
    serviceDistribution === "deterministic" ? rttMs + serviceMeanMs : serviceDistribution === "exponential" ? rttMs + serviceMeanMs * harmonic : NaN;
  return { sequentialMs: calls * (rttMs + serviceMeanMs), parallelMs };
}
