import { createRng } from "../random";
import { quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkSeed } from "../validate";
import { checkBits, lowerBound } from "./ring";
import { distinctIds } from "./random-ring";

/** Options for keysPerNode. */
export interface KeysPerNodeOptions {
  /** Real nodes, an integer ≥ 1. */
  nodes: number;
  /** Keys, an integer ≥ 0. */
  keys: number;
  /** Virtual nodes per real node, an integer in [1, 1000]. Defaults to 1. */
  virtualNodes?: number;
  /** m, bits of an id. Defaults to 32. */
  bits?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Keys stored by each real node when every real node owns `virtualNodes` random ids and keys
 * hash to random ids (Stoica et al. 2001, Sec. 6.2). Returns one count per real node.
 */
export function keysPerNode({ nodes, keys, virtualNodes = 1, bits = 32, seed = 1 }: KeysPerNodeOptions): Float64Array {
  checkInteger("nodes", nodes, 1);
  checkInteger("keys", keys, 0);
  checkInteger("virtualNodes", virtualNodes, 1, 1000);
  const size = checkBits(bits);
  checkInteger("nodes × virtualNodes", nodes * virtualNodes, 1, size);
  checkSeed(seed);
  const rng = createRng(seed);
  const ids = distinctIds(rng, nodes * virtualNodes, size);
  // Which real node each virtual id belongs to: a random assignment, v ids per node.
  const owner = new Uint32Array(ids.length);
  for (let i = 0; i < owner.length; i++) owner[i] = i % nodes;
  for (let i = owner.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = owner[i];
    owner[i] = owner[j];
    owner[j] = t;
  }
  const counts = new Float64Array(nodes);
  for (let k = 0; k < keys; k++) {
    const key = size === 4294967296 ? rng.uint32() : rng.int(size);
    const i = lowerBound(ids, key);
    counts[owner[i === ids.length ? 0 : i]]++;
  }
  return counts;
}

/** Options for loadBalance. */
export interface LoadBalanceOptions {
  /** Real nodes. Defaults to 10,000 (the paper's). */
  nodes?: number;
  /** Key counts to try. Defaults to 500,000 and 1,000,000. */
  keys?: readonly number[];
  /** Virtual nodes per real node to try. Defaults to 1, 2, 5, 10, 20. */
  virtualNodes?: readonly number[];
  /** Independent runs pooled per point. Defaults to 1 (the paper used 20). */
  runs?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Keys per node vs virtual nodes: mean, 1st and 99th percentiles and maximum, each also as a
 * ratio to the mean (the paper's Figs. 8–9). One row per (keys, virtual nodes).
 */
export function loadBalance({
  nodes = 10_000,
  keys = [500_000, 1_000_000],
  virtualNodes = [1, 2, 5, 10, 20],
  runs = 1,
  seed = 1,
}: LoadBalanceOptions = {}): Table {
  checkNonEmptyArray("keys", keys);
  checkNonEmptyArray("virtualNodes", virtualNodes);
  checkInteger("runs", runs, 1, 1000);
  checkSeed(seed);
  const rows = [];
  let stream = 0;
  for (const k of keys) {
    for (const v of virtualNodes) {
      const pooled: number[] = [];
      for (let run = 0; run < runs; run++) pooled.push(...keysPerNode({ nodes, keys: k, virtualNodes: v, seed: (seed + 104729 * ++stream) >>> 0 }));
      const mean = k / nodes;
      const [p1, p99] = quantiles(pooled, [0.01, 0.99]);
      const max = pooled.reduce((a, b) => Math.max(a, b), 0);
      rows.push({
        nodes,
        keys: k,
        virtual_nodes: v,
        mean,
        p1,
        p99,
        max,
        p1_ratio: p1 / mean,
        p99_ratio: p99 / mean,
        max_ratio: max / mean,
        empty_fraction: pooled.filter((c) => c === 0).length / pooled.length,
      });
    }
  }
  return tableFromRows(rows);
}
