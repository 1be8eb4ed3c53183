import { checkInteger, checkNonEmptyArray, checkProbability, invalidType } from "../validate";
import { kOfNAvailability, nines } from "./k-of-n";

/** One tier of a service: identical replicas in parallel, of which `required` must be up. */
export interface Tier {
  /** A name for tables and messages, e.g. "database". */
  name: string;
  /** Number of replicas, an integer ≥ 1. */
  replicas: number;
  /** Probability that one replica is up, in [0, 1]. */
  availability: number;
  /** Replicas that must be up for the tier to be up, in [1, replicas]. Defaults to 1. */
  required?: number;
}

/** A tier's result within a series. */
export interface TierAvailability extends Required<Tier> {
  /** Availability of the tier as a whole. */
  tierAvailability: number;
  /** Its number of nines. */
  nines: number;
}

/** Availability of tiers in series, with the weakest tier named. */
export interface SeriesAvailability {
  /** Probability that every tier is up (tiers fail independently). */
  availability: number;
  nines: number;
  /** Expected downtime in minutes per year (365 days). */
  downtimeMinutesPerYear: number;
  tiers: TierAvailability[];
  /** The tier with the lowest availability: the weak link to replicate first. */
  weakest: TierAvailability;
}

/**
 * Availability of a request path through tiers in series, each a k-of-n set of replicas in
 * parallel: the product of the tiers' availabilities. The weakest tier bounds the whole.
 */
export function seriesAvailability(tiers: readonly Tier[]): SeriesAvailability {
  checkNonEmptyArray("tiers", tiers);
  const results = tiers.map((tier, i) => {
    if (tier === null || typeof tier !== "object") throw invalidType(`tiers[${i}]`, tier, "a tier { name, replicas, availability }");
    const { name, replicas, availability, required = 1 } = tier;
    if (typeof name !== "string") throw invalidType(`tiers[${i}].name`, name, "a string");
    checkInteger(`tiers[${i}].replicas`, replicas, 1);
    checkProbability(`tiers[${i}].availability`, availability);
    checkInteger(`tiers[${i}].required`, required, 1, replicas);
    const tierAvailability = kOfNAvailability({ n: replicas, k: required, availability });
    return { name, replicas, availability, required, tierAvailability, nines: nines(tierAvailability) };
  });
  // Sum of logs rather than a product of values close to 1, so the nines survive.
  const availability = Math.exp(results.reduce((sum, t) => sum + Math.log(t.tierAvailability), 0));
  const weakest = results.reduce((worst, t) => (t.tierAvailability < worst.tierAvailability ? t : worst));
  return { availability, nines: nines(availability), downtimeMinutesPerYear: (1 - availability) * 365 * 24 * 60, tiers: results, weakest };
}
