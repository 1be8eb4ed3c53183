import { runOperation, type Access, type Database, type Program } from "./program";

/** The outcome of a schedule under strict two-phase locking. */
export interface LockingRun {
  db: Database;
  history: Access[];
  /** Step-times spent waiting: after each step of the schedule, the lines requested but blocked, summed. */
  waits: number;
  /** Lines that ran after the schedule's last request: how far the blocked work spilled over. */
  extraSteps: number;
  /** Whether the two transactions deadlocked (each waiting for the other's lock); the younger was aborted and rerun. */
  deadlock: boolean;
}

interface Lock {
  mode: "S" | "X";
  holders: Set<number>;
}

/**
 * Runs a schedule's requests under strict two-phase locking (Eswaran et al., CACM 1976): a read
 * takes a shared lock, a write an exclusive one (upgrading a shared lock it holds), and locks are
 * released only at commit, after the last line. A line whose lock is held by another transaction
 * waits; when both wait for each other (two shared locks both upgrading), the younger transaction
 * is aborted, its writes undone, and it runs again from its first line.
 */
export function twoPhaseLocking(programs: readonly Program[], schedule: readonly number[], initial: Database): LockingRun {
  const db = { ...initial };
  const n = programs.length;
  const next = programs.map(() => 0);
  const pending = programs.map(() => 0);
  const locals = programs.map(() => ({}) as Record<string, number>);
  const undo = programs.map(() => [] as [string, number][]);
  const locks = new Map<string, Lock>();
  let history: Access[] = [];
  let waits = 0;
  let executed = 0;
  let deadlock = false;
  const done = (i: number) => next[i] >= programs[i].length;
  const grant = (i: number): boolean => {
    const op = programs[i][next[i]];
    if (op.kind === "compute") return true;
    const tx = i + 1;
    const lock = locks.get(op.item);
    if (op.kind === "read") {
      if (!lock) locks.set(op.item, { mode: "S", holders: new Set([tx]) });
      else if (lock.mode === "S" || lock.holders.has(tx)) lock.holders.add(tx);
      else return false;
      return true;
    }
    if (!lock) locks.set(op.item, { mode: "X", holders: new Set([tx]) });
    else if (lock.holders.size === 1 && lock.holders.has(tx)) lock.mode = "X";
    else return false;
    return true;
  };
  const release = (tx: number) => {
    for (const [item, lock] of locks) {
      lock.holders.delete(tx);
      if (lock.holders.size === 0) locks.delete(item);
    }
  };
  /** Runs requested lines while their locks are granted; returns whether any ran. */
  const drain = (): boolean => {
    let ran = false;
    for (let progress = true; progress; ) {
      progress = false;
      for (let i = 0; i < n; i++) {
        while (pending[i] > 0 && !done(i) && grant(i)) {
          const op = programs[i][next[i]];
          if (op.kind === "write") undo[i].push([op.item, db[op.item]]);
          const access = runOperation(op, db, locals[i], i + 1);
          if (access) history.push(access);
          next[i]++;
          pending[i]--;
          executed++;
          progress = ran = true;
          if (done(i)) release(i + 1);
        }
      }
    }
    return ran;
  };
  const breakDeadlock = () => {
    const waiting = programs.map((_, i) => pending[i] > 0 && !done(i));
    if (waiting.filter(Boolean).length < 2) return;
    deadlock = true;
    // Abort the youngest waiting transaction: undo its writes, drop its accesses, rerun it from line 1.
    const victim = waiting.lastIndexOf(true);
    for (const [item, old] of undo[victim].reverse()) db[item] = old;
    undo[victim] = [];
    history = history.filter((a) => a.tx !== victim + 1);
    release(victim + 1);
    pending[victim] += next[victim];
    next[victim] = 0;
    locals[victim] = {};
  };
  for (const tx of schedule) {
    pending[tx - 1]++;
    drain();
    breakDeadlock();
    drain();
    waits += pending.reduce((a, b) => a + b, 0);
  }
  // Finish whatever still waits.
  const atEnd = executed;
  while (pending.some((p, i) => p > 0 && !done(i))) {
    const ran = drain();
    breakDeadlock();
    if (!ran && !drain()) throw new Error("two-phase locking made no progress");
  }
  return { db, history, waits, extraSteps: executed - atEnd, deadlock };
}
