const view = new DataView(new ArrayBuffer(8));

/** MurmurHash3's 32-bit finaliser: every input bit flips about half the output bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seed for one point of a sweep, hashed from the sweep's seed and the point's parameters, so
 * that a point's estimate depends on (seed, its parameters) alone: adding or reordering other
 * points leaves it unchanged, and different points draw from unrelated streams.
 */
export function deriveSeed(seed: number, ...keys: number[]): number {
  let h = fmix32(seed ^ 0x9e3779b9);
  for (const key of keys) {
    view.setFloat64(0, key);
    h = fmix32(Math.imul(h ^ view.getUint32(0), 0x01000193));
    h = fmix32(Math.imul(h ^ view.getUint32(4), 0x01000193));
  }
  return h;
}
