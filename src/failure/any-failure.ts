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
 * Computed as -expm1(n·log1p(-p)) so that tiny p and large n keep their digits.
 */
export function anyFailureProbability({ n, p }: AnyFailureOptions): number {
  checkInteger("n", n, 0);
  checkProbability("p", p);
  if (p === 1) return n > 0 ? 1 : 0;
  return -Math.expm1(n * Math.log1p(-p));
}
