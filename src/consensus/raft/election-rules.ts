import { majority, note, send } from "./network";
import { uniformDraw } from "./random-draw";
import { broadcastAppendEntries } from "./replication-rules";
import type { RaftEvent, RaftServer, RaftState, RequestVote, RequestVoteReply } from "./types";

// The rules of leader election, Ongaro & Ousterhout, "In Search of an Understandable Consensus
// Algorithm", USENIX ATC 2014, Sec. 5.2 and Fig. 2. Each rule updates the state it is given.

/** Draws a fresh election timeout (a new one at every reset, Sec. 5.2) and sets the timer. */
export function resetElectionTimer(state: RaftState, server: RaftServer): void {
  server.electionDeadline = state.time + uniformDraw(state, state.timing.electionTimeoutMs);
}

/** The index and term of a server's last log entry. */
export function lastLog(server: RaftServer): { index: number; term: number } {
  const index = server.log.length;
  return { index, term: index > 0 ? server.log[index - 1].term : 0 };
}

/** Adopts a newer term seen in any message: clears the vote and returns to follower (Fig. 2, "All Servers"). */
export function stepDown(state: RaftState, server: RaftServer, term: number, log: RaftEvent[] | null): void {
  const wasLeader = server.role === "leader";
  const was = server.role;
  server.term = term;
  server.votedFor = null;
  server.role = "follower";
  server.leader = null;
  // A leader runs no election timer; once a follower again it must.
  if (wasLeader) resetElectionTimer(state, server);
  note(
    log,
    state,
    was === "follower" ? "new term" : "step down",
    server.id,
    was === "follower" ? `adopts term ${term}` : `${was} sees term ${term}, becomes follower`,
  );
}

/** Election timeout: become candidate of the next term, vote for itself, ask every other server for its vote. */
export function startElection(state: RaftState, server: RaftServer, log: RaftEvent[] | null): void {
  server.term += 1;
  server.role = "candidate";
  server.votedFor = server.id;
  server.leader = null;
  for (let i = 0; i < server.votes.length; i++) server.votes[i] = i === server.id;
  resetElectionTimer(state, server);
  note(log, state, "election", server.id, `candidate for term ${server.term}`);
  const { index, term } = lastLog(server);
  for (const peer of state.servers) {
    if (peer.id !== server.id) send(state, server.id, peer.id, { type: "RequestVote", term: server.term, lastLogIndex: index, lastLogTerm: term });
  }
  if (majority(state.servers.length) <= 1) becomeLeader(state, server, log);
}

/** Grants a vote when the term matches, no other candidate got it, and the candidate's log is at least as up to date (Sec. 5.4.1). */
export function handleRequestVote(state: RaftState, server: RaftServer, from: number, request: RequestVote, log: RaftEvent[] | null): void {
  if (request.term > server.term) stepDown(state, server, request.term, log);
  const mine = lastLog(server);
  const upToDate = request.lastLogTerm > mine.term || (request.lastLogTerm === mine.term && request.lastLogIndex >= mine.index);
  const granted = request.term === server.term && (server.votedFor === null || server.votedFor === from) && upToDate;
  if (granted) {
    server.votedFor = from;
    resetElectionTimer(state, server);
    note(log, state, "vote", server.id, `votes for S${from + 1} in term ${server.term}`);
  }
  send(state, server.id, from, { type: "RequestVoteReply", term: server.term, granted });
}

/** Counts a granted vote; a majority makes the candidate leader. */
export function handleRequestVoteReply(state: RaftState, server: RaftServer, from: number, reply: RequestVoteReply, log: RaftEvent[] | null): void {
  if (reply.term > server.term) {
    stepDown(state, server, reply.term, log);
    return;
  }
  if (server.role !== "candidate" || reply.term !== server.term || !reply.granted) return;
  server.votes[from] = true;
  let granted = 0;
  for (const vote of server.votes) if (vote) granted++;
  if (granted >= majority(state.servers.length)) becomeLeader(state, server, log);
}

/** Wins the election: initialise nextIndex and matchIndex and send heartbeats at once (Fig. 2, "Leaders"). */
export function becomeLeader(state: RaftState, server: RaftServer, log: RaftEvent[] | null): void {
  server.role = "leader";
  server.leader = server.id;
  server.nextIndex = state.servers.map(() => server.log.length + 1);
  server.matchIndex = state.servers.map((s) => (s.id === server.id ? server.log.length : 0));
  note(log, state, "leader", server.id, `leader of term ${server.term}`);
  broadcastAppendEntries(state, server);
}
