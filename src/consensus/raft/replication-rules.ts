import { majority, note, send } from "./network";
import { resetElectionTimer, stepDown } from "./election-rules";
import type { AppendEntries, AppendEntriesReply, RaftEvent, RaftServer, RaftState } from "./types";

// The rules of log replication, Ongaro & Ousterhout, USENIX ATC 2014, Sec. 5.3-5.4 and Fig. 2.

/** Sends one follower the entries from its nextIndex on, with the entry before them for the consistency check. */
export function sendAppendEntries(state: RaftState, leader: RaftServer, peer: number): void {
  const prevLogIndex = leader.nextIndex[peer] - 1;
  send(state, leader.id, peer, {
    type: "AppendEntries",
    term: leader.term,
    prevLogIndex,
    prevLogTerm: prevLogIndex > 0 ? leader.log[prevLogIndex - 1].term : 0,
    entries: leader.log.slice(prevLogIndex).map((e) => ({ ...e })),
    leaderCommit: leader.commitIndex,
  });
}

/** Heartbeat: AppendEntries to every other server, and the next heartbeat one interval later. */
export function broadcastAppendEntries(state: RaftState, leader: RaftServer): void {
  for (const peer of state.servers) if (peer.id !== leader.id) sendAppendEntries(state, leader, peer.id);
  leader.heartbeatDue = state.time + state.timing.heartbeatMs;
}

/** A follower checks the entry before the new ones, drops conflicting entries, appends, and follows the leader's commit index. */
export function handleAppendEntries(state: RaftState, server: RaftServer, from: number, request: AppendEntries, log: RaftEvent[] | null): void {
  if (request.term > server.term) stepDown(state, server, request.term, log);
  const reply = (success: boolean, matchIndex: number) => send(state, server.id, from, { type: "AppendEntriesReply", term: server.term, success, matchIndex });
  if (request.term < server.term) {
    reply(false, 0);
    return;
  }
  // Same term: the sender is this term's only leader, so a candidate gives up.
  if (server.role === "candidate") note(log, state, "step down", server.id, `S${from + 1} leads term ${server.term}`);
  server.role = "follower";
  if (server.leader !== from) note(log, state, "follow", server.id, `follows S${from + 1}`);
  server.leader = from;
  resetElectionTimer(state, server);
  const prev = request.prevLogIndex;
  if (prev > server.log.length || (prev > 0 && server.log[prev - 1].term !== request.prevLogTerm)) {
    reply(false, 0);
    return;
  }
  request.entries.forEach((entry, i) => {
    const index = prev + 1 + i;
    // Truncate only on a conflict: a delayed, shorter AppendEntries must not erase newer entries.
    if (index <= server.log.length && server.log[index - 1].term !== entry.term) server.log.length = index - 1;
    if (index > server.log.length) server.log.push({ ...entry });
  });
  const matchIndex = prev + request.entries.length;
  if (request.leaderCommit > server.commitIndex) server.commitIndex = Math.max(server.commitIndex, Math.min(request.leaderCommit, matchIndex));
  reply(true, matchIndex);
}

/** The leader records a follower's progress, backs nextIndex off after a mismatch, and advances its commit index. */
export function handleAppendEntriesReply(state: RaftState, server: RaftServer, from: number, reply: AppendEntriesReply, log: RaftEvent[] | null): void {
  if (reply.term > server.term) {
    stepDown(state, server, reply.term, log);
    return;
  }
  if (server.role !== "leader" || reply.term !== server.term) return;
  if (reply.success) {
    server.matchIndex[from] = Math.max(server.matchIndex[from], reply.matchIndex);
    server.nextIndex[from] = server.matchIndex[from] + 1;
    advanceCommitIndex(state, server, log);
  } else {
    server.nextIndex[from] = Math.max(1, Math.min(server.nextIndex[from], server.log.length + 1) - 1);
    sendAppendEntries(state, server, from);
  }
}

/** Commits the highest index of the leader's term that a majority holds (Sec. 5.4.2: never by counting an older term's entries). */
export function advanceCommitIndex(state: RaftState, leader: RaftServer, log: RaftEvent[] | null): void {
  const needed = majority(state.servers.length);
  for (let n = leader.log.length; n > leader.commitIndex; n--) {
    if (leader.log[n - 1].term !== leader.term) break;
    let holders = 0;
    for (const m of leader.matchIndex) if (m >= n) holders++;
    if (holders >= needed) {
      note(log, state, "commit", leader.id, `commits up to entry ${n}`);
      leader.commitIndex = n;
      return;
    }
  }
}

/** A client's command reaches the leader: it appends it and sends it at once. */
export function appendCommand(state: RaftState, leader: RaftServer, command: string, log: RaftEvent[] | null): void {
  leader.log.push({ term: leader.term, command });
  leader.matchIndex[leader.id] = leader.log.length;
  note(log, state, "client request", leader.id, `appends ${command} at entry ${leader.log.length}`);
  for (const peer of state.servers) if (peer.id !== leader.id) sendAppendEntries(state, leader, peer.id);
  advanceCommitIndex(state, leader, log);
}
