import type { Ring } from "./ring";
import { checkId, checkNode, successorIndex } from "./successor";

/** The result of a lookup: the key's owner, the nodes the query visited, and the messages sent. */
export interface LookupResult {
  /** successor(key): the node that stores the key. */
  owner: number;
  /** Node ids from the node that received the query to the owner, inclusive. */
  path: number[];
  /** Messages sent: path.length - 1 (0 when the receiving node owns the key). */
  hops: number;
}

/**
 * closest_preceding_finger (Stoica et al. 2001, Fig. 4): scanning fingers m down to 1, the
 * first whose node lies strictly between node `index` and the key. Works on indices: with
 * `owner` = successorIndex(key), "id strictly between node i and the key" is "index strictly
 * between i and owner" on the circle of indices, so the scan reads one contiguous finger row
 * and no ids. Returns `index` itself if no finger qualifies.
 */
export function closestPrecedingFinger(ring: Ring, index: number, owner: number): number {
  const { bits, fingers } = ring;
  const n = ring.ids.length;
  const span = owner > index ? owner - index : owner - index + n;
  const row = index * bits;
  for (let k = bits - 1; k >= 0; k--) {
    const f = fingers[row + k];
    const d = f > index ? f - index : f - index + n;
    if (d < span && f !== index) return f;
  }
  return index;
}

/**
 * Iterative lookup by find_successor: from the receiving node, jump to the closest preceding
 * finger until the key falls between a node and its successor; that successor owns the key.
 */
export function lookup(ring: Ring, from: number, key: number): LookupResult {
  let index = checkNode(ring, "from", from);
  checkId(ring, "key", key);
  const { ids } = ring;
  const n = ids.length;
  const owner = successorIndex(ring, key);
  const path = [from];
  if (owner === index) return { owner: from, path, hops: 0 };
  for (;;) {
    const next = index + 1 === n ? 0 : index + 1;
    // key ∈ (node, node.successor] exactly when the key's owner is the successor.
    if (next === owner) {
      path.push(ids[next]);
      return { owner: ids[next], path, hops: path.length - 1 };
    }
    index = closestPrecedingFinger(ring, index, owner);
    path.push(ids[index]);
  }
}

/** lookup(ring, from, key).hops. For many lookups, lookupHopsMany routes them together, several times faster. */
export function lookupHops(ring: Ring, from: number, key: number): number {
  return lookup(ring, from, key).hops;
}
