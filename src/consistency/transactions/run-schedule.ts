import { runOperation, type Access, type Database, type Program } from "./program";

/** What running a schedule produced: the final database and the accesses in the order they happened. */
export interface ScheduleRun {
  db: Database;
  history: Access[];
}

/**
 * Runs transactions in the order a schedule gives, with no concurrency control: schedule[i] is the
 * transaction (1-based) whose next line runs at step i. Every transaction commits at its last line.
 */
export function runSchedule(programs: readonly Program[], schedule: readonly number[], initial: Database): ScheduleRun {
  const db = { ...initial };
  const next = programs.map(() => 0);
  const locals = programs.map(() => ({}) as Record<string, number>);
  const history: Access[] = [];
  for (const tx of schedule) {
    const i = tx - 1;
    const op = programs[i][next[i]++];
    if (!op) throw new RangeError(`invalid schedule: transaction ${tx} has no line ${next[i]}`);
    const access = runOperation(op, db, locals[i], tx);
    if (access) history.push(access);
  }
  return { db, history };
}
