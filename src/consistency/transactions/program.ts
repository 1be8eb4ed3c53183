/** A database: item name to value. */
export type Database = Record<string, number>;

/** One line of a transaction's program: a read into a local, a local computation, or a write of a local. */
export type Operation =
  | { kind: "read"; item: string; into: string; text: string }
  | { kind: "compute"; into: string; from: string; times: number; plus: number; text: string }
  | { kind: "write"; item: string; from: string; text: string };

/** A transaction's program: its lines, in order. */
export type Program = readonly Operation[];

/**
 * The transaction of the course notes (seed 001, "Transparência de Concorrência"), run twice as
 * T1 and T2: `a = SELECT X; c = a * 2; b = c + 10; SET X=c; SET Y=b`. Run alone it keeps
 * Y = X + 10 (each run doubles X).
 */
export const SEED001_PROGRAM: Program = [
  { kind: "read", item: "X", into: "a", text: "a = SELECT X" },
  { kind: "compute", into: "c", from: "a", times: 2, plus: 0, text: "c = a * 2" },
  { kind: "compute", into: "b", from: "c", times: 1, plus: 10, text: "b = c + 10" },
  { kind: "write", item: "X", from: "c", text: "SET X=c" },
  { kind: "write", item: "Y", from: "b", text: "SET Y=b" },
];

/** One database access of a history: which transaction, read or write, which item, and the value. */
export interface Access {
  tx: number;
  kind: "read" | "write";
  item: string;
  value: number;
}

/** Runs one line of a program on the database and the transaction's locals; returns the access, if any. */
export function runOperation(op: Operation, db: Database, locals: Record<string, number>, tx: number): Access | undefined {
  switch (op.kind) {
    case "read":
      locals[op.into] = db[op.item];
      return { tx, kind: "read", item: op.item, value: db[op.item] };
    case "compute":
      locals[op.into] = locals[op.from] * op.times + op.plus;
      return undefined;
    case "write":
      db[op.item] = locals[op.from];
      return { tx, kind: "write", item: op.item, value: locals[op.from] };
  }
}

/** An access as the schedule notation writes it: R1(X), W2(Y). */
export function accessLabel(a: Access): string {
  return `${a.kind === "read" ? "R" : "W"}${a.tx}(${a.item})`;
}
