import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SEED001_PROGRAM,
  SEED001_SCHEDULE,
  conflictGraph,
  interleavings,
  namedAnomalies,
  runSchedule,
  seed001Schedules,
  twoPhaseLocking,
} from "../../../src/consistency";

type Row = {
  schedule: string;
  accesses: string;
  x: number;
  y: number;
  consistent: boolean;
  serializable: boolean;
  cycle: string;
  anomaly: string;
  x_2pl: number;
  y_2pl: number;
  waits: number;
  deadlock: boolean;
  seed_schedule: boolean;
};
const rows = seed001Schedules().objects() as Row[];
const programs = [SEED001_PROGRAM, SEED001_PROGRAM];

describe("interleavings(n1, n2)", () => {
  it("lists the C(n1 + n2, n1) order-keeping interleavings", () => {
    expect(interleavings(2, 1)).toEqual([
      [1, 1, 2],
      [1, 2, 1],
      [2, 1, 1],
    ]);
    expect(interleavings(5, 5).length).toBe(252);
  });
});

describe("seed001Schedules()", () => {
  it("has one row per interleaving of the seed's T1 and T2 (252)", () => {
    expect(rows.length).toBe(252);
    expect(new Set(rows.map((r) => r.schedule)).size).toBe(252);
  });

  it("finds the notes' schedule: X from T2, Y from T1, inconsistent, with the cycle T1 → T2 → T1", () => {
    const seed = rows.find((r) => r.seed_schedule)!;
    expect(seed.schedule).toBe(SEED001_SCHEDULE.join(""));
    expect(seed).toMatchObject({ accesses: "R1(X) W1(X) R2(X) W2(X) W2(Y) W1(Y)", x: 4, y: 12, consistent: false, serializable: false, cycle: "T1 → T2 → T1" });
  });

  it("gives the serial result (X doubled twice, Y = X + 10) exactly for the serializable schedules", () => {
    for (const r of rows) expect(r.serializable).toBe(r.x === 4 && r.y === 14);
    expect(rows.filter((r) => r.serializable).length).toBe(10);
  });

  it("names every non-serializable schedule: a lost update when both read X before either writes it", () => {
    for (const r of rows.filter((r) => r.anomaly === "lost update")) expect([r.x, r.serializable]).toEqual([2, false]);
    expect(rows.filter((r) => r.anomaly === "inconsistent write order").every((r) => !r.consistent)).toBe(true);
  });

  it("ends every schedule at the serial result under strict 2PL, paying in waits and deadlocks", () => {
    for (const r of rows) expect([r.x_2pl, r.y_2pl]).toEqual([4, 14]);
    expect(rows.filter((r) => r.deadlock).length).toBe(rows.filter((r) => r.anomaly === "lost update").length);
    expect(rows.find((r) => r.schedule === "1111122222")!.waits).toBe(0);
  });
});

describe("twoPhaseLocking(programs, schedule, initial)", () => {
  it("produces conflict-serializable histories for any interleaving (fast-check)", () => {
    const schedules = interleavings(5, 5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: schedules.length - 1 }), fc.integer({ min: -50, max: 50 }), (i, x0) => {
        const run = twoPhaseLocking(programs, schedules[i], { X: x0, Y: x0 + 10 });
        expect(conflictGraph(run.history).serializable).toBe(true);
        expect(run.db).toEqual(runSchedule(programs, [1, 1, 1, 1, 1, 2, 2, 2, 2, 2], { X: x0, Y: x0 + 10 }).db);
      }),
    );
  });
});

describe("conflictGraph(history)", () => {
  it("has an edge per ordered pair of conflicting transactions and no cycle for a serial history", () => {
    const serial = runSchedule(programs, [1, 1, 1, 1, 1, 2, 2, 2, 2, 2], { X: 1, Y: 11 });
    expect(conflictGraph(serial.history)).toEqual({ edges: [[1, 2, "R1(X) < W2(X)"]], cycle: [], serializable: true });
  });
});

describe("namedAnomalies()", () => {
  it("shows a dirty read and write skew breaking the invariant, and 2PL keeping it", () => {
    const table = namedAnomalies().objects() as { anomaly: string; isolation: string; invariant_holds: boolean }[];
    expect(table.map((r) => [r.anomaly, r.isolation, r.invariant_holds])).toEqual([
      ["dirty read", "none", false],
      ["dirty read", "strict 2PL", true],
      ["write skew", "snapshot isolation", false],
      ["write skew", "strict 2PL", true],
    ]);
  });
});
