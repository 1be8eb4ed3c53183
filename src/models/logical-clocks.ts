import type { Execution } from "./execution";

/**
 * Lamport's clocks (CACM 1978): each process increments its counter at every event; a message
 * carries the sender's counter, and the receiver moves to max(own, received) + 1. Returns one
 * timestamp per event, indexed by event id. If a happened before b, then L(a) < L(b).
 */
export function lamportClocks(execution: Execution): number[] {
  const clock = new Array<number>(execution.processes).fill(0);
  const stamp = new Array<number>(execution.events.length).fill(0);
  for (const e of execution.events) {
    if (e.kind === "receive") {
      const sent = stamp[execution.messages[e.message!].send];
      clock[e.process] = Math.max(clock[e.process], sent);
    }
    stamp[e.id] = ++clock[e.process];
  }
  return stamp;
}

/**
 * Vector clocks (Fidge 1988, Mattern 1989): each process keeps one counter per process, increments
 * its own at every event, and on receipt takes the element-wise maximum with the message's vector.
 * Returns one vector per event. V(a) < V(b) exactly when a happened before b.
 */
export function vectorClocks(execution: Execution): number[][] {
  const clock = Array.from({ length: execution.processes }, () => new Array<number>(execution.processes).fill(0));
  const stamp: number[][] = new Array(execution.events.length);
  for (const e of execution.events) {
    const own = clock[e.process];
    if (e.kind === "receive") {
      const sent = stamp[execution.messages[e.message!].send];
      for (let i = 0; i < own.length; i++) own[i] = Math.max(own[i], sent[i]);
    }
    own[e.process]++;
    stamp[e.id] = own.slice();
  }
  return stamp;
}

/** Whether vector a < vector b: every entry ≤ and at least one <. */
export function vectorBefore(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictly = true;
  }
  return strictly;
}

/**
 * Lamport's happened-before relation computed from the execution itself, with no clock: a → b if
 * they are on the same process and a comes first, or a is a message's send and b its receipt, or
 * by transitivity. Returns a matrix: before[a][b] is true when a → b.
 */
export function happenedBefore(execution: Execution): boolean[][] {
  const n = execution.events.length;
  const before = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  const last = new Array<number>(execution.processes).fill(-1);
  // Events are in real-time order, so every predecessor of an event is listed before it.
  for (const e of execution.events) {
    const direct: number[] = [];
    if (last[e.process] >= 0) direct.push(last[e.process]);
    if (e.kind === "receive") direct.push(execution.messages[e.message!].send);
    for (const d of direct) {
      before[d][e.id] = true;
      for (let a = 0; a < n; a++) if (before[a][d]) before[a][e.id] = true;
    }
    last[e.process] = e.id;
  }
  return before;
}

/** Pairs of distinct events neither of which happened before the other. */
export function concurrentPairs(execution: Execution): [number, number][] {
  const before = happenedBefore(execution);
  const pairs: [number, number][] = [];
  for (let a = 0; a < execution.events.length; a++)
    for (let b = a + 1; b < execution.events.length; b++) if (!before[a][b] && !before[b][a]) pairs.push([a, b]);
  return pairs;
}
