import { checkInteger, checkNumber } from "../validate";

/**
 * Che's approximation of an LRU cache's hit ratio under independent Zipf requests
 * (Che, Tung & Wang, IEEE JSAC 20(7), 2002).
 */
export function cheHitRatio({ items, zipfExponent, capacity }: { items: number; zipfExponent: number; capacity: number }): number {
  checkInteger("items", items, 1, 1 << 24);
  checkNumber("zipfExponent", zipfExponent, { min: 0, max: 5 });
  checkInteger("capacity", capacity, 0);
  if (capacity === 0) return 0;
  if (capacity >= items) return 1;
  // An item stays in an LRU cache for about the same "characteristic time" T whatever its
  // popularity: the time C distinct other items take to be requested. Requests are a Poisson
  // stream with item i at rate q_i, so item i is in the cache with probability 1 - e^(-q_i T),
  // and T solves Σ_i (1 - e^(-q_i T)) = C (the cache holds C items). A request hits when its
  // item is in the cache: hit ratio = Σ_i q_i (1 - e^(-q_i T)). Fagin (1977) showed it exact as
  // the catalogue grows; for Zipf catalogues of thousands of items it is within about 0.01.
  const q = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) total += q[i] = Math.pow(i + 1, -zipfExponent);
  for (let i = 0; i < items; i++) q[i] /= total;
  const occupied = (t: number) => q.reduce((s, qi) => s - Math.expm1(-qi * t), 0);
  let lo = 0;
  let hi = 1;
  while (occupied(hi) < capacity) hi *= 2;
  for (let iter = 0; iter < 100; iter++) {
    const mid = (lo + hi) / 2;
    if (occupied(mid) < capacity) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return q.reduce((s, qi) => s - qi * Math.expm1(-qi * t), 0);
}
