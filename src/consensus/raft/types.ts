/** A server's role (Raft, Ongaro & Ousterhout 2014, Sec. 5.1). */
export type Role = "follower" | "candidate" | "leader";

/** One log entry: the term in which a leader received it and the client's command. */
export interface LogEntry {
  term: number;
  command: string;
}

/** One server's state, as plain data (Fig. 2 of the paper, plus the timers of a simulation). */
export interface RaftServer {
  id: number;
  /** Whether the server is running; a crashed server keeps only its persistent state (term, vote, log). */
  up: boolean;
  role: Role;
  /** Persistent: latest term seen. */
  term: number;
  /** Persistent: the candidate voted for in this term, or null. */
  votedFor: number | null;
  /** Persistent: the log; entry i of the paper (1-based) is log[i - 1]. */
  log: LogEntry[];
  /** Volatile: index of the highest entry known committed (0 = none). */
  commitIndex: number;
  /** The leader this server follows in its term, or null. */
  leader: number | null;
  /** Time (ms) at which the election timer fires, for followers and candidates. */
  electionDeadline: number;
  /** Candidate: which servers granted their vote in this term (votes[i] true when server i did). */
  votes: boolean[];
  /** Leader: time (ms) of the next heartbeat. */
  heartbeatDue: number;
  /** Leader: the next log index to send to each server. */
  nextIndex: number[];
  /** Leader: the highest index known replicated on each server. */
  matchIndex: number[];
}

/** RequestVote (Sec. 5.2): a candidate asks for a vote. */
export interface RequestVote {
  type: "RequestVote";
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
}

/** The answer to a RequestVote. */
export interface RequestVoteReply {
  type: "RequestVoteReply";
  term: number;
  granted: boolean;
}

/** AppendEntries (Sec. 5.3): replicates entries and serves as the heartbeat. */
export interface AppendEntries {
  type: "AppendEntries";
  term: number;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: LogEntry[];
  leaderCommit: number;
}

/** The answer to an AppendEntries; matchIndex is the last index the follower now holds when success. */
export interface AppendEntriesReply {
  type: "AppendEntriesReply";
  term: number;
  success: boolean;
  matchIndex: number;
}

/** A message body. */
export type RaftBody = RequestVote | RequestVoteReply | AppendEntries | AppendEntriesReply;

/** A message in flight: delivered at deliverTime unless the receiver is down or cut off then. */
export interface RaftMessage {
  id: number;
  from: number;
  to: number;
  sendTime: number;
  deliverTime: number;
  body: RaftBody;
}

/** Timing of a simulated cluster, in ms. */
export interface RaftTiming {
  /** Election timeouts are drawn uniformly from [min, max] at every reset. */
  electionTimeoutMs: [number, number];
  /** A leader's heartbeat interval. */
  heartbeatMs: number;
  /** One-way message delays are drawn uniformly from [min, max]. */
  delayMs: [number, number];
}

/** A whole cluster as plain data (JSON-serialisable): servers, messages in flight, network, clock and random stream. */
export interface RaftState {
  /** Simulated time in ms. */
  time: number;
  servers: RaftServer[];
  messages: RaftMessage[];
  /** Network partition: partition[i] is server i's side; messages cross only between equal sides. */
  partition: number[];
  timing: RaftTiming;
  /** Seed of the counter-based random stream; draws are a pure function of (seed, counter). */
  seed: number;
  /** Draws taken so far. */
  counter: number;
  /** Id of the next message. */
  nextMessageId: number;
}

/** Something that happened in one step, for the explorer's log and for traces as rows. */
export interface RaftEvent {
  time: number;
  kind: string;
  server: number;
  term: number;
  detail: string;
}
