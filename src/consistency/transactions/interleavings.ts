import { checkInteger } from "../../validate";

/**
 * Every interleaving of two sequences of lengths n1 and n2 that keeps each one's order, as arrays
 * of transaction numbers (1 or 2, one per step): C(n1 + n2, n1) of them, in lexicographic order.
 */
export function interleavings(n1: number, n2: number): number[][] {
  checkInteger("n1", n1, 0, 12);
  checkInteger("n2", n2, 0, 12);
  const out: number[][] = [];
  const walk = (prefix: number[], left1: number, left2: number) => {
    if (left1 === 0 && left2 === 0) out.push(prefix);
    if (left1 > 0) walk([...prefix, 1], left1 - 1, left2);
    if (left2 > 0) walk([...prefix, 2], left1, left2 - 1);
  };
  walk([], n1, n2);
  return out;
}
