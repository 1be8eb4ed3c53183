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
export { RAFT, createTrace, finalState, parseTrace, replayTrace } from "./raft/trace";
export { traceToJson } from "./cluster-trace";
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
export { createPaxos, checkPaxosOptions } from "./paxos/create-paxos";
export type { CheckedPaxosOptions, PaxosOptions } from "./paxos/create-paxos";
export { advancePaxos, advancePaxosUntil, nextPaxosPending } from "./paxos/paxos-advance";
export type { PaxosPending } from "./paxos/paxos-advance";
export { PAXOS_INPUTS, applyPaxosInput, crashNode, paxosStep, restartNode } from "./paxos/paxos-step";
export type { PaxosInput } from "./paxos/paxos-step";
export { nextBallot, nodeName } from "./paxos/paxos-rules";
export { checkPaxosSafety, createPaxosSafetyRecord } from "./paxos/paxos-invariants";
export type { PaxosSafetyRecord } from "./paxos/paxos-invariants";
export { PAXOS, createPaxosTrace, finalPaxosState, parsePaxosTrace, replayPaxosTrace } from "./paxos/paxos-trace";
export type { PaxosTrace } from "./paxos/paxos-trace";
export type {
  Accept,
  Accepted,
  BallotValue,
  Nack,
  PaxosAcceptor,
  PaxosAdversary,
  PaxosBody,
  PaxosEvent,
  PaxosMessage,
  PaxosPromise,
  PaxosProposer,
  PaxosState,
  PaxosTiming,
  Prepare,
  ProposerPhase,
} from "./paxos/types";
export { traceFormat } from "./cluster-trace";
export type { ClusterProtocol, ProtocolTrace } from "./cluster-trace";
