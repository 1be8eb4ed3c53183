import type { LogEntry, RaftState } from "./types";

/** An entry seen committed, and the term of the server first seen committing it. */
export interface CommittedEntry {
  entry: LogEntry;
  inTerm: number;
}

/** What a run has committed so far: the entry committed at each index (1-based, index 0 unused), and each term's leader. */
export interface SafetyRecord {
  committed: (CommittedEntry | undefined)[];
  leaders: Map<number, number>;
}

/** An empty record, to pass to {@link checkSafety} after every step of a run. */
export function createSafetyRecord(): SafetyRecord {
  return { committed: [], leaders: new Map() };
}

function same(a: LogEntry, b: LogEntry): boolean {
  return a.term === b.term && a.command === b.command;
}

/**
 * Checks Raft's safety properties (Fig. 3 of the paper) on a state, updating the record of the run;
 * returns the violations found (empty when all hold):
 * Election Safety (at most one leader per term, over the whole run), Log Matching (two logs with an
 * entry of the same index and term agree on all entries up to it), Leader Completeness (a
 * committed entry is in the log of every leader of a term after the one it was committed in) and
 * State Machine Safety (no two servers commit different entries at the same index, over the run).
 */
export function checkSafety(state: RaftState, record: SafetyRecord): string[] {
  const problems: string[] = [];
  for (const s of state.servers) {
    if (s.role !== "leader") continue;
    const known = record.leaders.get(s.term);
    if (known === undefined) record.leaders.set(s.term, s.id);
    else if (known !== s.id) problems.push(`Election Safety: S${known + 1} and S${s.id + 1} both led term ${s.term}`);
  }
  const servers = state.servers;
  for (let a = 0; a < servers.length; a++) {
    for (let b = a + 1; b < servers.length; b++) {
      const la = servers[a].log;
      const lb = servers[b].log;
      // Find the last index where both hold an entry of the same term; everything before must match.
      for (let i = Math.min(la.length, lb.length); i >= 1; i--) {
        if (la[i - 1].term !== lb[i - 1].term) continue;
        for (let j = 1; j <= i; j++) {
          if (!same(la[j - 1], lb[j - 1])) {
            problems.push(`Log Matching: S${a + 1} and S${b + 1} share entry ${i} of term ${la[i - 1].term} but differ at ${j}`);
            break;
          }
        }
        break;
      }
    }
  }
  for (const s of servers) {
    for (let i = 1; i <= s.commitIndex; i++) {
      const entry = s.log[i - 1];
      const known = record.committed[i];
      if (!known) record.committed[i] = { entry: { ...entry }, inTerm: s.term };
      else if (!same(known.entry, entry))
        problems.push(
          `State Machine Safety: S${s.id + 1} commits ${entry.command}@${entry.term} at ${i}, ${known.entry.command}@${known.entry.term} was committed there`,
        );
    }
  }
  for (const s of servers) {
    if (s.role !== "leader") continue;
    // Only leaders of terms after the commit must hold the entry: a stale leader may lack it.
    record.committed.forEach((known, i) => {
      if (known && known.inTerm < s.term && !(s.log[i - 1] && same(s.log[i - 1], known.entry)))
        problems.push(`Leader Completeness: leader S${s.id + 1} of term ${s.term} lacks committed entry ${i}`);
    });
  }
  return problems;
}
