import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray } from "../validate";
import { majority } from "./raft/network";

/** Options of {@link quorumIntersection}. */
export interface QuorumIntersectionOptions {
  /** Cluster sizes, integers in [1, 15]. Defaults to [3, 5, 7]. */
  sizes?: readonly number[];
  /** Quorum size for every cluster, or undefined for a majority. Defaults to a majority. */
  quorum?: number;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/**
 * Every pair of quorums of q servers out of n, enumerated: how many quorums there are, the
 * smallest overlap of two of them, and whether every two share a server (what lets a new leader
 * or a new Paxos round learn what an old one decided). The overlap is 2q − n when that is positive.
 */
export function quorumIntersection({ sizes = [3, 5, 7], quorum }: QuorumIntersectionOptions = {}): Table {
  checkNonEmptyArray("sizes", sizes);
  return tableFromRows(
    sizes.map((n, i) => {
      checkInteger(`sizes[${i}]`, n, 1, 15);
      const q = quorum === undefined ? majority(n) : checkInteger("quorum", quorum, 1, n);
      const sets: number[] = [];
      for (let mask = 0; mask < 1 << n; mask++) if (popcount(mask) === q) sets.push(mask);
      let minOverlap = n;
      for (const a of sets) for (const b of sets) minOverlap = Math.min(minOverlap, popcount(a & b));
      return { n, quorum: q, quorums: sets.length, min_overlap: minOverlap, all_intersect: minOverlap >= 1, tolerated_failures: n - q };
    }),
  );
}
