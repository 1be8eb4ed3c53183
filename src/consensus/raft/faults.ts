import { checkInteger } from "../../validate";
import { setPartition } from "../network-partition";
import { resetElectionTimer } from "./election-rules";
import { note } from "./network";
import type { RaftEvent, RaftState } from "./types";

/** Crashes a server: it stops, losing its volatile state (role, commit index, votes); term, vote and log persist (Fig. 2). */
export function crash(state: RaftState, server: number, log: RaftEvent[] | null = null): void {
  checkInteger("server", server, 0, state.servers.length - 1);
  const s = state.servers[server];
  if (!s.up) return;
  s.up = false;
  s.role = "follower";
  s.leader = null;
  s.commitIndex = 0;
  s.votes = s.votes.map(() => false);
  note(log, state, "crash", server, "stops");
}

/** Restarts a crashed server as a follower with a fresh election timer. */
export function restart(state: RaftState, server: number, log: RaftEvent[] | null = null): void {
  checkInteger("server", server, 0, state.servers.length - 1);
  const s = state.servers[server];
  if (s.up) return;
  s.up = true;
  resetElectionTimer(state, s);
  note(log, state, "restart", server, "restarts as follower");
}

/** Partitions the network: sides[i] is server i's side; messages between different sides are lost. [0, 0, ...] heals it. */
export function partition(state: RaftState, sides: readonly number[], log: RaftEvent[] | null = null): void {
  setPartition(state, sides, log);
}

/** The leader a client would reach: the running leader of the highest term, or undefined. */
export function currentLeader(state: RaftState): number | undefined {
  let found: number | undefined;
  for (const s of state.servers) {
    if (s.up && s.role === "leader" && (found === undefined || s.term > state.servers[found].term)) found = s.id;
  }
  return found;
}
