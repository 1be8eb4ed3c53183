import { createRng, lognormal, lognormalFromQuantiles, zipf, type Rng, type Sampler } from "../random";
import { checkInteger, checkNonNegative, checkNumber, checkPositive, checkSeed, invalidRange } from "../validate";

/** One workload that every latency-hiding strategy runs on, so their results compare. */
export interface Workload {
  /** Distinct items a client may request. Defaults to 10,000. */
  items: number;
  /** Zipf exponent of item popularity (0: uniform; ~1: web-like). Defaults to 0.9. */
  zipfExponent: number;
  /** Requests issued. Defaults to 20,000. */
  requests: number;
  /** Client-to-server round-trip time in milliseconds. Defaults to 50. */
  rttMs: number;
  /** Median server service time in milliseconds. Defaults to 5. */
  serviceMedianMs: number;
  /** 99th-percentile server service time in milliseconds (lognormal tail). Defaults to 50. */
  serviceP99Ms: number;
  /** Seed. Defaults to 1. */
  seed: number;
}

/** The defaults, named so notebooks can show them. */
export const DEFAULT_WORKLOAD: Readonly<Workload> = {
  items: 10_000,
  zipfExponent: 0.9,
  requests: 20_000,
  rttMs: 50,
  serviceMedianMs: 5,
  serviceP99Ms: 50,
  seed: 1,
};

/** Fills in and checks a workload. */
export function workload(options: Partial<Workload> = {}): Workload {
  const w = { ...DEFAULT_WORKLOAD, ...options };
  checkInteger("items", w.items, 1, 1 << 24);
  checkNumber("zipfExponent", w.zipfExponent, { min: 0, max: 5 });
  checkInteger("requests", w.requests, 1, 10_000_000);
  checkNonNegative("rttMs", w.rttMs);
  checkPositive("serviceMedianMs", w.serviceMedianMs);
  checkPositive("serviceP99Ms", w.serviceP99Ms);
  if (w.serviceP99Ms <= w.serviceMedianMs) throw invalidRange("serviceP99Ms", w.serviceP99Ms, `a number greater than serviceMedianMs (${w.serviceMedianMs})`);
  checkSeed(w.seed);
  return w;
}

/** Samplers for a workload: item ranks (1 = most popular) and service times. */
export function workloadSamplers(w: Workload, rng: Rng = createRng(w.seed)): { item: Sampler; service: Sampler } {
  const { mu, sigma } = lognormalFromQuantiles(w.serviceMedianMs, w.serviceP99Ms);
  return { item: zipf(rng, w.items, w.zipfExponent), service: lognormal(rng, mu, sigma) };
}
