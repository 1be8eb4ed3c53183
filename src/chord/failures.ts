import { createRng } from "../random";
import { proportionInterval } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNumber, checkSeed, invalidRange, invalidType } from "../validate";
import { randomRing } from "./random-ring";
import type { Ring } from "./ring";
import { checkId, checkNode, successorIndex } from "./successor";

/** How one lookup ended after simultaneous failures. */
export type FailedLookupOutcome = "ok" | "key-lost" | "no-route";

/** Options for lookupWithFailures. */
export interface LookupWithFailuresOptions {
  /** Ids of the nodes that have failed, at once, with nothing repaired yet. */
  failed: ArrayLike<number>;
  /** r, the length of each node's successor list: an integer in [1, N - 1] (1 on a one-node ring). */
  successors: number;
  /** The live node that receives the query. */
  from: number;
  /** The key looked up. */
  key: number;
}

/**
 * A lookup on a ring where the `failed` nodes died simultaneously (Stoica et al. 2001, Sec. 6.4):
 * each node skips dead fingers and uses the first live entry of its successor list. The lookup
 * fails if the key's owner died (no replication: the key is lost) or a node finds all r
 * successors dead. Returns the outcome and the hops taken.
 */
export function lookupWithFailures(ring: Ring, { failed, successors, from, key }: LookupWithFailuresOptions): { outcome: FailedLookupOutcome; hops: number } {
  const n = ring.ids.length;
  if (failed === null || typeof failed !== "object" || typeof failed.length !== "number") throw invalidType("failed", failed, "an array of node ids");
  const dead = new Uint8Array(n);
  for (let i = 0; i < failed.length; i++) dead[checkNode(ring, `failed[${i}]`, failed[i])] = 1;
  checkInteger("successors", successors, 1, Math.max(1, n - 1));
  const fromIndex = checkNode(ring, "from", from);
  if (dead[fromIndex]) throw invalidRange("from", from, "a node that has not failed");
  checkId(ring, "key", key);
  return routeWithFailures(ring, dead, successors, fromIndex, key);
}

/** lookupWithFailures on indices, with dead[i] marking node ids[i]; no checks (failedLookups' hot path). */
function routeWithFailures(ring: Ring, dead: Uint8Array, r: number, fromIndex: number, key: number): { outcome: FailedLookupOutcome; hops: number } {
  const { bits, fingers } = ring;
  const n = ring.ids.length;
  const owner = successorIndex(ring, key);
  if (dead[owner]) return { outcome: "key-lost", hops: 0 };
  let index = fromIndex;
  let hops = 0;
  for (;;) {
    if (index === owner) return { outcome: "ok", hops };
    // First live successor within the list.
    let next = -1;
    for (let s = 1; s <= r && s < n; s++) {
      const candidate = (index + s) % n;
      if (!dead[candidate]) {
        next = candidate;
        break;
      }
    }
    if (next < 0) return { outcome: "no-route", hops };
    const span = owner > index ? owner - index : owner - index + n;
    const toNext = next > index ? next - index : next - index + n;
    // Dead nodes between here and the live successor hold no keys the owner needs: if the owner
    // is within reach of the successor list, go straight to it.
    if (toNext >= span) return { outcome: next === owner ? "ok" : "no-route", hops: hops + 1 };
    let jump = next;
    for (let k = bits - 1; k >= 0; k--) {
      const f = fingers[index * bits + k];
      const d = f > index ? f - index : f - index + n;
      if (!dead[f] && d > toNext && d < span) {
        jump = f;
        break;
      }
    }
    index = jump;
    hops++;
  }
}

/** Options for failedLookups. */
export interface FailedLookupsOptions {
  /** Nodes. Defaults to 10,000 (the paper's). */
  nodes?: number;
  /** Fractions of nodes that fail at once. Defaults to 0, 0.05, ..., 0.5. */
  fractions?: readonly number[];
  /** Successor list length r. Defaults to 2·log2(nodes) rounded up. */
  successors?: number;
  /** Lookups per fraction. Defaults to 10,000. */
  lookups?: number;
  /** m, bits of an id. Defaults to 32. */
  bits?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Failed lookups vs the fraction of nodes that fail simultaneously (Stoica et al. 2001,
 * Sec. 6.4, Fig. 11): a lookup fails when its key's owner died, which happens with
 * probability ≈ f, or when routing finds all r successors dead (≈ f^r).
 */
export function failedLookups({
  nodes = 10_000,
  fractions = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5],
  successors,
  lookups = 10_000,
  bits = 32,
  seed = 1,
}: FailedLookupsOptions = {}): Table {
  checkInteger("nodes", nodes, 2);
  checkNonEmptyArray("fractions", fractions).forEach((f, i) => checkNumber(`fractions[${i}]`, f, { min: 0, max: 1, maxOpen: true }));
  const r = successors ?? Math.ceil(2 * Math.log2(nodes));
  checkInteger("successors", r, 1, nodes - 1);
  checkInteger("lookups", lookups, 1);
  checkSeed(seed);
  const ring = randomRing({ bits, n: nodes, seed });
  const rows = [];
  let stream = 0;
  for (const fraction of fractions) {
    const rng = createRng((seed + 65537 * ++stream) >>> 0);
    const dead = new Uint8Array(nodes);
    const failures = Math.round(fraction * nodes);
    for (let marked = 0; marked < failures; ) {
      const i = rng.int(nodes);
      if (!dead[i]) {
        dead[i] = 1;
        marked++;
      }
    }
    let failed = 0;
    let lost = 0;
    let noRoute = 0;
    let hops = 0;
    for (let i = 0; i < lookups; i++) {
      let from = rng.int(nodes);
      while (dead[from]) from = rng.int(nodes);
      const result = routeWithFailures(ring, dead, r, from, rng.int(ring.size));
      if (result.outcome === "ok") hops += result.hops;
      else failed++;
      if (result.outcome === "key-lost") lost++;
      if (result.outcome === "no-route") noRoute++;
    }
    const interval = proportionInterval(failed, lookups);
    rows.push({
      fraction,
      successors: r,
      lookups,
      failed_fraction: failed / lookups,
      lower: interval.lower,
      upper: interval.upper,
      key_lost: lost / lookups,
      no_route: noRoute / lookups,
      mean_hops: lookups > failed ? hops / (lookups - failed) : NaN,
    });
  }
  return tableFromRows(rows);
}
