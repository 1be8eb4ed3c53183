import { checkInteger, checkProbability } from "../validate";

/** Options for kOfNAvailability. */
export interface KOfNOptions {
  /** Number of replicas, an integer ≥ 1. */
  n: number;
  /** Replicas that must be up for the service to be up, an integer in [1, n]. Defaults to 1. */
  k?: number;
  /** Probability that one replica is up, in [0, 1]; replicas fail independently. */
  availability: number;
}

/**
 * Availability of a k-of-n system: P(at least k of n independent replicas are up)
 * = Σ_{i=k..n} C(n,i) a^i (1-a)^(n-i). Summed as 1 - P(fewer than k up) when that tail is
 * the smaller one, so that availabilities near 1 keep their nines.
 */
export function kOfNAvailability({ n, k = 1, availability }: KOfNOptions): number {
  checkInteger("n", n, 1);
  checkInteger("k", k, 1, n);
  checkProbability("availability", availability);
  const a = availability;
  if (a === 1) return 1;
  if (a === 0) return 0;
  // Terms are computed in log space; the smaller tail is summed directly.
  const logA = Math.log(a);
  const logB = Math.log1p(-a);
  const term = (i: number) => Math.exp(logChoose(n, i) + i * logA + (n - i) * logB);
  let down = 0;
  for (let i = 0; i < k; i++) down += term(i);
  if (down < 0.5) return 1 - down;
  let up = 0;
  for (let i = k; i <= n; i++) up += term(i);
  return up;
}

/** Number of nines of an availability: -log10(1 - a) (0.999 → 3). Infinity for a = 1. */
export function nines(availability: number): number {
  checkProbability("availability", availability);
  return -Math.log10(1 - availability);
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
  return sum;
}
