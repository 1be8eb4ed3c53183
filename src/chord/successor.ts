import { checkInteger, invalidRange } from "../validate";
import { lowerBound, type Ring } from "./ring";

/** Index (into ring.ids) of the first node whose id is ≥ id, wrapping to 0: the key's owner. */
export function successorIndex(ring: Ring, id: number): number {
  const { ids, buckets } = ring;
  const count = buckets.length - 1;
  const b = Math.floor((id * count) / ring.size);
  // The successor lies in [buckets[b], buckets[b + 1]]: a binary search over a few ids.
  const i = lowerBound(ids, id, buckets[b], buckets[b + 1]);
  return i === ids.length ? 0 : i;
}

/** successor(id): the first node clockwise from id, inclusive; key id is stored there. */
export function successor(ring: Ring, id: number): number {
  checkId(ring, "id", id);
  return ring.ids[successorIndex(ring, id)];
}

/** Checks an identifier of the ring: an integer in [0, 2^m - 1]. */
export function checkId(ring: Ring, name: string, id: unknown): number {
  return checkInteger(name, id, 0, ring.size - 1);
}

/** Checks that id is a node of the ring and returns its index. */
export function checkNode(ring: Ring, name: string, id: unknown): number {
  checkId(ring, name, id);
  const i = lowerBound(ring.ids, id as number);
  if (ring.ids[i] !== id) throw invalidRange(name, id, "the id of a node of the ring");
  return i;
}
