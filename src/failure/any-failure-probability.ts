import { checkInteger, checkProbability } from "../validate";

/** Options for anyFailureProbability. */
export interface AnyFailureOptions {
  /** Number of nodes, an integer ≥ 0. */
  n: number;
  /** Probability that one node fails within the window, in [0, 1]; nodes fail independently. */
  p: number;
}

/**
 * Probability that at least one of n independent nodes fails: 1 - (1 - p)^n.
 * Computed as -expm1(n·log1p(-p)) so that tiny p and large n keep their digits
 * (1 - 0.9999^2000 = 0.181; 1 - (1 - 1e-12)^10 = 1e-11, which the naive form rounds badly).
 */
export function anyFailureProbability({ n, p }: AnyFailureOptions): number {
  checkInteger("n", n, 0);
  checkProbability("p", p);
  if (n === 0) return 0;
  if (p === 1) return 1;
  return -Math.expm1(n * Math.log1p(-p));
}
