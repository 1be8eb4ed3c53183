import { checkInteger, invalidRange, invalidType } from "../validate";

/**
 * A Chord ring: node ids sorted ascending in a typed array, with every node's finger table.
 * Plain data; operations are free functions (`successor(ring, id)`, `lookup(ring, from, key)`).
 */
export interface Ring {
  /** m: ids live in [0, 2^m). */
  readonly bits: number;
  /** 2^m. */
  readonly size: number;
  /** Node ids, sorted ascending, distinct. */
  readonly ids: Uint32Array;
  /** fingers[i·m + (k-1)] is the index (into ids) of finger k of node ids[i]. */
  readonly fingers: Uint32Array;
  /**
   * buckets[b] is the index of the first id ≥ b·2^m/(buckets.length - 1): an index over the
   * sorted ids so that finding a key's successor touches one small range, not log2 N cache lines.
   */
  readonly buckets: Uint32Array;
}

/** Options for ring. */
export interface RingOptions {
  /** m, the number of bits of an id: an integer in [1, 32]. */
  bits: number;
  /** Node ids: distinct integers in [0, 2^bits - 1], in any order. */
  nodes: ArrayLike<number>;
}

/** Checks m and returns 2^m. */
export function checkBits(bits: unknown): number {
  checkInteger("bits", bits, 1, 32);
  return 2 ** (bits as number);
}

/** Builds a ring with its finger tables: finger[k] = successor((n + 2^(k-1)) mod 2^m), k = 1..m (Stoica et al. 2001, Sec. 4.3). */
export function ring({ bits, nodes }: RingOptions): Ring {
  const size = checkBits(bits);
  if (nodes === null || typeof nodes !== "object" || typeof nodes.length !== "number") throw invalidType("nodes", nodes, "an array of node ids");
  if (nodes.length === 0) throw invalidRange("nodes", nodes, "at least one node id");
  const ids = new Uint32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i];
    if (!Number.isInteger(id) || id < 0 || id >= size) throw invalidRange(`nodes[${i}]`, id, `an integer in [0, ${size - 1}]`);
    ids[i] = id;
  }
  ids.sort();
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) throw invalidRange("nodes", ids[i], "distinct node ids (this one appears twice)");
  return ringFromSortedIds(bits, ids);
}

/** Builds the finger tables for sorted, distinct ids (no checks: callers have made them). */
export function ringFromSortedIds(bits: number, ids: Uint32Array): Ring {
  const size = 2 ** bits;
  const n = ids.length;
  const fingers = new Uint32Array(n * bits);
  // Finger starts of successive nodes increase, so each finger column is one merge walk over
  // the ids laid out twice ([ids, ids + 2^m]): O(n) per column instead of a binary search per entry.
  for (let k = 0; k < bits; k++) {
    const offset = 2 ** k;
    const first = ids[0] + offset;
    let j = first < size ? lowerBound(ids, first) : n + lowerBound(ids, first - size);
    for (let i = 0; i < n; i++) {
      const target = ids[i] + offset;
      while ((j < n ? ids[j] : ids[j - n] + size) < target) j++;
      fingers[i * bits + k] = j < n ? j : j - n;
    }
  }
  return { bits, size, ids, fingers, buckets: bucketIndex(ids, size) };
}

/** For 2^b ≥ n buckets of equal width over the id space, the index of each bucket's first id ≥ its start. */
function bucketIndex(ids: Uint32Array, size: number): Uint32Array {
  let count = 1;
  while (count < ids.length && count < size) count *= 2;
  const width = size / count;
  const buckets = new Uint32Array(count + 1);
  let i = 0;
  for (let b = 0; b <= count; b++) {
    const start = b * width;
    while (i < ids.length && ids[i] < start) i++;
    buckets[b] = i;
  }
  return buckets;
}

/** Index of the first id ≥ value in ids[lo..hi) (all of ids by default), or hi if none. */
export function lowerBound(ids: Uint32Array, value: number, lo = 0, hi = ids.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
