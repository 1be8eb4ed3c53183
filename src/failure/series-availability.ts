import { checkInteger, checkNonEmptyArray, checkProbability, invalidType } from "../validate";
import { kOfNAvailability, kOfNUnavailability } from "./k-of-n-availability";
import { ninesFromUnavailability } from "./nines";

/** One tier of a service: identical replicas in parallel, of which `required` must be up. */
export interface Tier {
  /** A name for tables and messages, e.g. "database". */
  name: string;
  /** Number of replicas, an integer ≥ 1. */
  replicas: number;
  /** Probability that one replica is up, in [0, 1]. */
  availability: number;
  /** Replicas that must be up for the tier to be up, an integer in [1, replicas]. Defaults to 1. */
  required?: number;
}

/** A tier's result within a series. */
export interface TierAvailability extends Required<Tier> {
  /** Availability of the tier as a whole: P(at least `required` of its replicas are up). */
  tierAvailability: number;
  /** P(fewer than `required` replicas up), computed directly so that it keeps its digits. */
  tierUnavailability: number;
  /** The tier's number of nines: -log10(tierUnavailability). */
  nines: number;
}

/** Availability of tiers in series, with the weakest tier named. */
export interface SeriesAvailability {
  /** Probability that every tier is up (tiers and replicas fail independently). */
  availability: number;
  /** Probability that some tier is down, computed directly so that it keeps its digits. */
  unavailability: number;
  /** Number of nines of the whole: -log10(unavailability). */
  nines: number;
  /** Expected downtime in minutes per year of 365 days. */
  downtimeMinutesPerYear: number;
  /** Each tier with its own availability, in the order given. */
  tiers: TierAvailability[];
  /** The tier with the lowest availability (the first one on a tie): the weak link to replicate first. */
  weakest: TierAvailability;
}

/** Checks one tier and fills in its default; the messages name the tier's index and field. */
export function checkTier(tier: unknown, i: number): Required<Tier> {
  if (tier === null || typeof tier !== "object") throw invalidType(`tiers[${i}]`, tier, "a tier { name, replicas, availability, required? }");
  const { name, replicas, availability, required = 1 } = tier as Tier;
  if (typeof name !== "string") throw invalidType(`tiers[${i}].name`, name, "a string");
  checkInteger(`tiers[${i}].replicas`, replicas, 1);
  checkProbability(`tiers[${i}].availability`, availability);
  checkInteger(`tiers[${i}].required`, required, 1, replicas);
  return { name, replicas, availability, required };
}

/**
 * Availability of a request path through tiers in series, each a k-of-n set of replicas in
 * parallel: the product of the tiers' availabilities, which no tier can exceed, so the weakest
 * tier bounds the whole however many replicas the others have.
 */
export function seriesAvailability(tiers: readonly Tier[]): SeriesAvailability {
  const results = checkNonEmptyArray<Tier>("tiers", tiers).map((tier, i) => {
    const checked = checkTier(tier, i);
    const options = { n: checked.replicas, k: checked.required, availability: checked.availability };
    const tierUnavailability = kOfNUnavailability(options);
    return { ...checked, tierAvailability: kOfNAvailability(options), tierUnavailability, nines: ninesFromUnavailability(tierUnavailability) };
  });
  // A sum of log1p(-unavailability) rather than a product of values close to 1, so the nines survive.
  const logAvailability = results.reduce((sum, t) => sum + Math.log1p(-t.tierUnavailability), 0);
  const availability = Math.exp(logAvailability);
  const unavailability = -Math.expm1(logAvailability);
  const weakest = results.reduce((worst, t) => (t.tierUnavailability > worst.tierUnavailability ? t : worst));
  return {
    availability,
    unavailability,
    nines: ninesFromUnavailability(unavailability),
    downtimeMinutesPerYear: unavailability * 365 * 24 * 60,
    tiers: results,
    weakest,
  };
}
