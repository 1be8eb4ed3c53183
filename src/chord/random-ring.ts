import { createRng, type Rng } from "../random";
import { checkInteger, checkSeed } from "../validate";
import { checkBits, ringFromSortedIds, type Ring } from "./ring";

/** Options for randomRing. */
export interface RandomRingOptions {
  /** m: ids live in [0, 2^m); an integer in [1, 32]. */
  bits: number;
  /** Number of nodes, an integer in [1, 2^bits]. */
  n: number;
  /** Seed of the generator. Defaults to 1. */
  seed?: number;
}

/** A ring of n nodes at distinct ids drawn uniformly from [0, 2^m), as hashing node addresses would place them. */
export function randomRing({ bits, n, seed = 1 }: RandomRingOptions): Ring {
  const size = checkBits(bits);
  checkInteger("n", n, 1, size);
  checkSeed(seed);
  return ringFromSortedIds(bits, distinctIds(createRng(seed), n, size));
}

/** n distinct uniform ids from [0, size), sorted. */
export function distinctIds(rng: Rng, n: number, size: number): Uint32Array {
  if (n * 4 >= size) {
    // Dense: selection sampling (Knuth's Algorithm S) visits each id once and keeps it with
    // probability needed/remaining, giving a uniform n-subset in O(size) ≤ O(4n).
    const ids = new Uint32Array(n);
    let kept = 0;
    for (let id = 0; id < size && kept < n; id++) {
      if ((size - id) * rng.random() < n - kept) ids[kept++] = id;
    }
    return ids;
  }
  // Sparse: draw, sort, drop repeats, top up until n remain.
  let ids = new Uint32Array(0);
  while (ids.length < n) {
    const extra = new Uint32Array(n - ids.length + 16);
    for (let i = 0; i < extra.length; i++) extra[i] = size === 4294967296 ? rng.uint32() : rng.int(size);
    const merged = new Uint32Array(ids.length + extra.length);
    merged.set(ids);
    merged.set(extra, ids.length);
    merged.sort();
    let w = 0;
    for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[w++] = merged[i];
    ids = merged.slice(0, w);
  }
  // Drop the surplus at random positions so every id stays equally likely to be kept.
  const dropped = new Uint8Array(ids.length);
  for (let surplus = ids.length - n; surplus > 0; ) {
    const drop = rng.int(ids.length);
    if (!dropped[drop]) {
      dropped[drop] = 1;
      surplus--;
    }
  }
  return ids.filter((_, i) => !dropped[i]);
}
