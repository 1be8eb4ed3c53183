export { electionTimes } from "./election-times";
export type { ElectionTimesOptions } from "./election-times";
export { createCluster, checkClusterOptions } from "./raft/create-cluster";
export type { ClusterOptions } from "./raft/create-cluster";
export { advance, advanceUntil, nextPending } from "./raft/advance";
export type { PendingEvent } from "./raft/advance";
export { RAFT_INPUTS, applyInput, step } from "./raft/step";
export type { RaftInput, StepResult } from "./raft/step";
export { crash, currentLeader, partition, restart } from "./raft/faults";
export { checkSafety, createSafetyRecord } from "./raft/invariants";
export type { CommittedEntry, SafetyRecord } from "./raft/invariants";
export { majority } from "./raft/network";
export type {
  AppendEntries,
  AppendEntriesReply,
  LogEntry,
  RaftBody,
  RaftEvent,
  RaftMessage,
  RaftServer,
  RaftState,
  RaftTiming,
  RequestVote,
  RequestVoteReply,
  Role,
} from "./raft/types";
export { createTrace, finalState, parseTrace, replayTrace, traceToJson } from "./raft/trace";
export type { RaftTrace } from "./raft/trace";
export { FIGURE16_RANGES, electionSweep } from "./election-sweep";
export type { ElectionSweepOptions } from "./election-sweep";
export { quorumIntersection } from "./quorum-intersection";
export type { QuorumIntersectionOptions } from "./quorum-intersection";
export { replicationTimeline } from "./replication-timeline";
export type { ReplicationTimelineOptions } from "./replication-timeline";
export { electionSummary } from "./election-summary";
export { paxosDuel } from "./paxos/paxos-duel";
export type { PaxosDuelOptions, PaxosOutcome } from "./paxos/paxos-duel";
export { paxosDuelSweep } from "./paxos/paxos-duel-sweep";
export type { PaxosDuelSweepOptions } from "./paxos/paxos-duel-sweep";
