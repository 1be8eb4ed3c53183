import { checkInteger, checkProbability } from "../validate";

/** Options for fanoutSlowProbability. */
export interface FanoutSlowOptions {
  /** Servers a request fans out to and waits for, an integer ≥ 1. Required. */
  fanout: number;
  /** Probability that one server answers slowly, in [0, 1]. Required. */
  slowProbability: number;
}

/**
 * Probability that a request fanning out to n servers waits for at least one slow one,
 * each slow independently with probability q: 1 - (1 - q)^n (Dean & Barroso, "The Tail at
 * Scale", CACM 56(2), 2013: 63% for n = 100, q = 1/100; 18% for n = 2,000, q = 1/10,000).
 */
export function fanoutSlowProbability({ fanout, slowProbability }: FanoutSlowOptions): number {
  checkInteger("fanout", fanout, 1);
  checkProbability("slowProbability", slowProbability);
  // expm1/log1p keep precision when q is tiny and n large (1e-4 and 2,000 in the paper).
  return -Math.expm1(fanout * Math.log1p(-slowProbability));
}
