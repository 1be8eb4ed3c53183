import { tableFromRows, type Table } from "../table";
import type { Execution } from "./execution";
import { concurrentPairs, happenedBefore, lamportClocks, vectorClocks } from "./logical-clocks";

/** Process names for diagrams and tables: P1, P2, … */
export function processName(p: number): string {
  return `P${p + 1}`;
}

/** A name for each event: its process and its position there, e.g. "P2.3". */
export function eventNames(execution: Execution): string[] {
  const count = new Array<number>(execution.processes).fill(0);
  return execution.events.map((e) => `${processName(e.process)}.${++count[e.process]}`);
}

/**
 * The events of an execution with both clocks: one row per event with its name, kind, Lamport
 * timestamp, vector timestamp, and how many events happened before it, after it, or concurrently.
 */
export function logicalClockTable(execution: Execution): Table {
  const names = eventNames(execution);
  const lamport = lamportClocks(execution);
  const vector = vectorClocks(execution);
  const before = happenedBefore(execution);
  const n = execution.events.length;
  return tableFromRows(
    execution.events.map((e) => {
      let earlier = 0;
      let later = 0;
      for (let o = 0; o < n; o++) {
        if (before[o][e.id]) earlier++;
        if (before[e.id][o]) later++;
      }
      const message =
        e.message === undefined
          ? ""
          : `m${e.message + 1} ${e.kind === "send" ? "to" : "from"} ${processName(e.kind === "send" ? execution.messages[e.message].to : execution.messages[e.message].from)}`;
      return {
        event: names[e.id],
        kind: e.kind,
        message,
        lamport: lamport[e.id],
        vector: `[${vector[e.id].join(",")}]`,
        happened_before_it: earlier,
        happened_after_it: later,
        concurrent_with_it: n - 1 - earlier - later,
      };
    }),
  );
}

/** Counts that characterise an execution: pairs ordered by happened-before, concurrent pairs, and how many of those Lamport's clock orders anyway. */
export function orderingSummary(execution: Execution): { pairs: number; ordered: number; concurrent: number; concurrentButLamportOrdered: number } {
  const lamport = lamportClocks(execution);
  const concurrent = concurrentPairs(execution);
  const n = execution.events.length;
  const pairs = (n * (n - 1)) / 2;
  return {
    pairs,
    ordered: pairs - concurrent.length,
    concurrent: concurrent.length,
    concurrentButLamportOrdered: concurrent.filter(([a, b]) => lamport[a] !== lamport[b]).length,
  };
}
