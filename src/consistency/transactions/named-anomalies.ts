import { tableFromRows, type Table } from "../../table";

/**
 * Two anomalies the seed's schedules cannot show, each run two ways (a small fixed scenario, no
 * randomness): a dirty read (T2 reads X written by T1, T1 then aborts) with no isolation vs strict
 * 2PL; and write skew (two doctors on call, each going off call if the other is on, invariant
 * "at least one on call") under snapshot isolation vs 2PL. One row per (anomaly, isolation):
 * final state as text, invariant_holds, and what happened.
 */
export function namedAnomalies(): Table {
  const rows: object[] = [];
  // Dirty read: X = 1, Y = 11; T1 doubles X then aborts; T2 runs the seed's transaction in between.
  {
    let X = 1;
    let Y = 11;
    const t1Before = X;
    X = 2 * X; // T1: SET X = 2 (uncommitted)
    const a = X; // T2 reads the uncommitted 2
    X = 2 * a;
    Y = 2 * a + 10; // T2 commits X = 4, Y = 14
    X = t1Before; // T1 aborts: its before-image of X is restored
    rows.push({
      anomaly: "dirty read",
      isolation: "none",
      final_state: `X=${X}, Y=${Y}`,
      invariant_holds: Y === X + 10,
      what_happened: "T2 committed Y from an X that T1 never committed; T1's abort restored X",
    });
    // Strict 2PL: T2's read waits for T1's exclusive lock on X until T1 aborts.
    X = 1;
    Y = 11;
    X = 2 * X;
    X = t1Before; // T1 aborts and releases its lock
    const b = X;
    X = 2 * b;
    Y = 2 * b + 10;
    rows.push({
      anomaly: "dirty read",
      isolation: "strict 2PL",
      final_state: `X=${X}, Y=${Y}`,
      invariant_holds: Y === X + 10,
      what_happened: "T2 waited for T1's lock, then read the committed X",
    });
  }
  // Write skew: doctors A and B on call (1); each reads both and goes off call if the other is on.
  {
    const snapshot = { A: 1, B: 1 };
    const db = { ...snapshot };
    if (snapshot.A + snapshot.B >= 2) db.A = 0; // T1 on its snapshot
    if (snapshot.A + snapshot.B >= 2) db.B = 0; // T2 on the same snapshot; disjoint writes, both commit
    rows.push({
      anomaly: "write skew",
      isolation: "snapshot isolation",
      final_state: `A=${db.A}, B=${db.B}`,
      invariant_holds: db.A + db.B >= 1,
      what_happened: "each read a snapshot with both on call and wrote a different item: no write conflict to stop them",
    });
    // 2PL: both take shared locks on A and B, then each upgrade waits for the other: deadlock; T2 aborts and reruns after T1.
    const locked = { A: 1, B: 1 };
    if (locked.A + locked.B >= 2) locked.A = 0; // T1 commits
    if (locked.A + locked.B >= 2) locked.B = 0; // T2 rerun reads A = 0: stays on call
    rows.push({
      anomaly: "write skew",
      isolation: "strict 2PL",
      final_state: `A=${locked.A}, B=${locked.B}`,
      invariant_holds: locked.A + locked.B >= 1,
      what_happened: "shared locks on both items deadlocked the upgrades; T2 was aborted and rerun after T1",
    });
  }
  return tableFromRows(rows);
}
