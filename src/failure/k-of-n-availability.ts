import { checkInteger, checkProbability } from "../validate";

/** Options for kOfNAvailability and kOfNUnavailability. */
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
 * = Σ_{i=k..n} C(n,i) a^i (1-a)^(n-i); with k = 1 it is 1 - (1 - a)^n.
 */
export function kOfNAvailability(options: KOfNOptions): number {
  return tails(options).up;
}

/**
 * Unavailability of a k-of-n system, P(fewer than k replicas up), computed directly rather than
 * as 1 - kOfNAvailability, so that 10 replicas at 99% report 1e-20 and not 0.
 */
export function kOfNUnavailability(options: KOfNOptions): number {
  return tails(options).down;
}

/**
 * Both tails of the binomial. Terms are computed in log space and the smaller tail is summed
 * directly, the other taken as its complement, so neither loses its digits near 0 or 1.
 */
function tails({ n, k = 1, availability }: KOfNOptions): { up: number; down: number } {
  checkInteger("n", n, 1);
  checkInteger("k", k, 1, n);
  checkProbability("availability", availability);
  const a = availability;
  if (a === 1) return { up: 1, down: 0 };
  if (a === 0) return { up: 0, down: 1 };
  const logUp = Math.log(a);
  const logDown = Math.log1p(-a);
  if (k === 1) {
    // Down only when all n are down: (1 - a)^n, one exact term.
    const down = Math.exp(n * logDown);
    return { up: -Math.expm1(n * logDown), down };
  }
  const term = (i: number) => Math.exp(logChoose(n, i) + i * logUp + (n - i) * logDown);
  let down = 0;
  for (let i = 0; i < k; i++) down += term(i);
  if (down < 0.5) return { up: 1 - down, down };
  let up = 0;
  for (let i = k; i <= n; i++) up += term(i);
  return { up, down: 1 - up };
}

/** ln C(n, k) as a sum of logs, exact enough for the n of a replica set and free of factorial overflow. */
function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
  return sum;
}
