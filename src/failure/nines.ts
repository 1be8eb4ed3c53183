import { checkProbability } from "../validate";

/** Number of nines of an availability: -log10(1 - a), so 0.999 has 3 and 0.9995 has 3.3; Infinity for a = 1. */
export function nines(availability: number): number {
  checkProbability("availability", availability);
  return ninesFromUnavailability(1 - availability);
}

/** Number of nines from the unavailability u = 1 - a, which keeps digits that 1 - a would lose. */
export function ninesFromUnavailability(unavailability: number): number {
  // 0 - x rather than -x, so that a = 0 gives 0 and not -0.
  return 0 - Math.log10(unavailability);
}
