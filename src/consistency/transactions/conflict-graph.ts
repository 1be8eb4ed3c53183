import type { Access } from "./program";

/** A conflict graph: an edge Ti -> Tj for each pair of conflicting accesses with Ti's first. */
export interface ConflictGraph {
  /** Edges as [from, to, the two accesses that conflict, e.g. "W1(X) < R2(X)"]. */
  edges: [number, number, string][];
  /** A cycle of transactions (first repeated at the end), or [] when the graph is acyclic. */
  cycle: number[];
  /** Conflict-serializable: acyclic; the history is then equivalent to running the transactions one after the other in a topological order. */
  serializable: boolean;
}

const label = (a: Access) => `${a.kind === "read" ? "R" : "W"}${a.tx}(${a.item})`;

/**
 * The conflict (precedence) graph of a history: two accesses conflict when they come from different
 * transactions, touch the same item, and at least one writes. A history is conflict-serializable
 * exactly when this graph has no cycle (Bernstein, Hadzilacos & Goodman, 1987, Thm. 2.1).
 */
export function conflictGraph(history: readonly Access[]): ConflictGraph {
  const edges: [number, number, string][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < history.length; i++) {
    for (let j = i + 1; j < history.length; j++) {
      const a = history[i];
      const b = history[j];
      if (a.tx === b.tx || a.item !== b.item || (a.kind === "read" && b.kind === "read")) continue;
      const key = `${a.tx}>${b.tx}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([a.tx, b.tx, `${label(a)} < ${label(b)}`]);
    }
  }
  const cycle = findCycle(edges);
  return { edges, cycle, serializable: cycle.length === 0 };
}

function findCycle(edges: readonly [number, number, string][]): number[] {
  const next = new Map<number, number[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const state = new Map<number, "open" | "done">();
  const path: number[] = [];
  const visit = (node: number): number[] => {
    state.set(node, "open");
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === "open") return [...path.slice(path.indexOf(to)), to];
      if (!state.has(to)) {
        const found = visit(to);
        if (found.length > 0) return found;
      }
    }
    path.pop();
    state.set(node, "done");
    return [];
  };
  for (const node of next.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found.length > 0) return found;
    }
  }
  return [];
}
