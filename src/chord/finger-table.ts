import type { Ring } from "./ring";
import { checkNode } from "./successor";

/** One finger: k in 1..m, its start (n + 2^(k-1)) mod 2^m, and the node successor(start). */
export interface Finger {
  k: number;
  start: number;
  node: number;
}

/** The finger table of node `node`: m entries, finger[k] = successor((node + 2^(k-1)) mod 2^m). */
export function fingerTable(ring: Ring, node: number): Finger[] {
  const i = checkNode(ring, "node", node);
  const table: Finger[] = [];
  for (let k = 1; k <= ring.bits; k++) {
    table.push({ k, start: (node + 2 ** (k - 1)) % ring.size, node: ring.ids[ring.fingers[i * ring.bits + k - 1]] });
  }
  return table;
}
