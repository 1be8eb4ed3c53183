import { zipfCdf } from "../random";
import { checkInteger, checkNumber } from "../validate";

/**
 * Probability mass of the `capacity` most popular items under Zipf(items, zipfExponent): the hit
 * ratio of a cache that always holds exactly those items, which no policy beats under independent
 * requests (the A0 policy of Aho, Denning & Ullman, JACM 1971), so an upper bound for LRU.
 */
export function topPopularityMass({ items, zipfExponent, capacity }: { items: number; zipfExponent: number; capacity: number }): number {
  checkInteger("items", items, 1, 1 << 24);
  checkNumber("zipfExponent", zipfExponent, { min: 0, max: 5 });
  checkInteger("capacity", capacity, 0);
  if (capacity === 0) return 0;
  return zipfCdf(items, zipfExponent)[Math.min(capacity, items) - 1];
}
