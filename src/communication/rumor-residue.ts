import { checkInteger } from "../validate";

/** Options for rumorResidue. */
export interface RumorResidueOptions {
  /** Counter: unnecessary contacts (to sites that already knew) before a site loses interest. Defaults to 1. */
  k?: number;
}

/**
 * The residue of rumor mongering with feedback and counter k (Demers et al., PODC 1987, Sec. 1.4):
 * the fraction s of sites never informed is the root in (0, 1) of s = e^(−(k+1)(1−s)).
 * k = 1 gives 0.203, k = 2 gives 0.060. (s = 1 is the other, trivial root.)
 */
export function rumorResidue({ k = 1 }: RumorResidueOptions = {}): number {
  checkInteger("k", k, 1, 20);
  // g(s) = s − e^(−(k+1)(1−s)) is concave, negative at 0, zero at the root and at 1, and
  // largest where g'(s) = 0, at s = 1 − ln(k+1)/(k+1): bisect on [0, that point].
  const g = (s: number) => s - Math.exp(-(k + 1) * (1 - s));
  let lo = 0;
  let hi = 1 - Math.log(k + 1) / (k + 1);
  for (let i = 0; i < 100 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
