import { tableFromRows, type Table } from "../../table";
import { checkNumber } from "../../validate";
import { conflictGraph } from "./conflict-graph";
import { interleavings } from "./interleavings";
import { accessLabel, SEED001_PROGRAM, type Database } from "./program";
import { runSchedule } from "./run-schedule";
import { twoPhaseLocking } from "./two-phase-locking";

/** Options of {@link seed001Schedules}. */
export interface Seed001Options {
  /** The initial X; Y starts at X + 10, a consistent state. Defaults to 1. */
  x0?: number;
}

/** The schedule of the course notes (seed 001): T1's first four lines, all of T2, then T1's last line. */
export const SEED001_SCHEDULE: readonly number[] = [1, 1, 1, 1, 2, 2, 2, 2, 2, 1];

/**
 * Every interleaving of the seed's T1 and T2 (C(10, 5) = 252 schedules of their ten lines), run with
 * no concurrency control and under strict two-phase locking. One row per schedule: schedule (the
 * transaction of each line, "1111122222"), accesses ("R1(X) W1(X) ..."), x and y at the end,
 * consistent (y = x + 10, the invariant each transaction keeps alone), serializable (acyclic
 * conflict graph), cycle ("T1 → T2 → T1" or ""), anomaly, and x_2pl, y_2pl, waits, deadlock under 2PL.
 */
export function seed001Schedules({ x0 = 1 }: Seed001Options = {}): Table {
  checkNumber("x0", x0, { min: -1e6, max: 1e6 });
  const initial: Database = { X: x0, Y: x0 + 10 };
  const programs = [SEED001_PROGRAM, SEED001_PROGRAM];
  const serialX = 4 * x0;
  return tableFromRows(
    interleavings(5, 5).map((schedule) => {
      const { db, history } = runSchedule(programs, schedule, initial);
      const graph = conflictGraph(history);
      const serial = schedule.join("") === "1111122222" || schedule.join("") === "2222211111";
      const reads = history.filter((a) => a.kind === "read");
      const firstWriteX = history.findIndex((a) => a.kind === "write" && a.item === "X");
      const bothReadFirst = reads.every((r) => history.indexOf(r) < firstWriteX);
      const anomaly = serial ? "none (serial)" : graph.serializable ? "none (serializable)" : bothReadFirst ? "lost update" : "inconsistent write order";
      const locked = twoPhaseLocking(programs, schedule, initial);
      return {
        schedule: schedule.join(""),
        accesses: history.map(accessLabel).join(" "),
        x: db.X,
        y: db.Y,
        consistent: db.Y === db.X + 10,
        doubled_twice: db.X === serialX,
        serializable: graph.serializable,
        cycle: graph.cycle.map((t) => `T${t}`).join(" → "),
        anomaly,
        x_2pl: locked.db.X,
        y_2pl: locked.db.Y,
        waits: locked.waits,
        deadlock: locked.deadlock,
        seed_schedule: schedule.join("") === SEED001_SCHEDULE.join(""),
      };
    }),
  );
}
