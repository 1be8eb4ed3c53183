import { createRng } from "../random";
import { quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkSeed } from "../validate";
import { checkBits } from "./ring";
import { lookupHopsMany } from "./lookup-many";
import { randomRing } from "./random-ring";

/** Options for pathLengths. */
export interface PathLengthOptions {
  /** Smallest exponent k (N = 2^k nodes). Defaults to 3. */
  minExponent?: number;
  /** Largest exponent k. Defaults to 14 (the paper's range, N = 2^3..2^14). */
  maxExponent?: number;
  /** Random lookups per node (the paper stores 100·N keys). Defaults to 100. */
  lookupsPerNode?: number;
  /** m, bits of an id. Defaults to 24. */
  bits?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Lookup path length vs number of nodes (Stoica et al. 2001, Sec. 6.3, Fig. 10): for
 * N = 2^k random nodes, random lookups from random nodes for random keys. `hops` counts
 * messages (path.length - 1), including the last one from the key's predecessor to its owner;
 * measured, its mean is 1/2·log2 N + 0.8 to 0.9 for N = 2^8..2^14: the paper's "about
 * 1/2 log2 N" nodes traversed (half the bits of the distance are 1s) plus that final step.
 */
export function pathLengths({ minExponent = 3, maxExponent = 14, lookupsPerNode = 100, bits = 24, seed = 1 }: PathLengthOptions = {}): Table {
  checkBits(bits);
  checkInteger("minExponent", minExponent, 0, bits);
  checkInteger("maxExponent", maxExponent, minExponent, Math.min(bits, 22));
  checkInteger("lookupsPerNode", lookupsPerNode, 1, 10_000);
  checkSeed(seed);
  const rows = [];
  for (let k = minExponent; k <= maxExponent; k++) {
    const n = 2 ** k;
    const ring = randomRing({ bits, n, seed: (seed + 31 * k) >>> 0 });
    const rng = createRng((seed + 7 * k + 1) >>> 0);
    const lookups = n * lookupsPerNode;
    const from = new Uint32Array(lookups);
    const keys = new Float64Array(lookups);
    for (let i = 0; i < lookups; i++) {
      from[i] = ring.ids[rng.int(n)];
      keys[i] = rng.int(ring.size);
    }
    const hops = Float64Array.from(lookupHopsMany(ring, from, keys));
    let sum = 0;
    for (let i = 0; i < lookups; i++) sum += hops[i];
    const [p1, p50, p99] = quantiles(hops, [0.01, 0.5, 0.99]);
    rows.push({ exponent: k, nodes: n, lookups, mean_hops: sum / lookups, p1_hops: p1, median_hops: p50, p99_hops: p99, half_log2_n: k / 2 });
  }
  return tableFromRows(rows);
}
