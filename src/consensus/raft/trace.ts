import { emptyTrace, finalStateWith, parseWith, replayWith, type ClusterProtocol, type ProtocolTrace } from "../cluster-trace";
import { checkClusterOptions, createCluster, type ClusterOptions } from "./create-cluster";
import { RAFT_INPUTS, applyInput, type RaftInput } from "./step";
import type { RaftEvent, RaftState } from "./types";

/** Raft as a protocol a trace can replay. */
export const RAFT: ClusterProtocol<"dslab-raft-trace", Required<ClusterOptions>, RaftState, RaftInput> = {
  format: "dslab-raft-trace",
  inputs: RAFT_INPUTS,
  checkOptions: checkClusterOptions,
  create: createCluster,
  apply: applyInput,
};

/** A Raft run as data: the cluster's options (seed included) and the inputs applied in order. Replaying it gives the same states. */
export type RaftTrace = ProtocolTrace<"dslab-raft-trace", Required<ClusterOptions>, RaftInput>;

/** An empty trace of a cluster with the given options. */
export function createTrace(options: ClusterOptions = {}): RaftTrace {
  return emptyTrace(RAFT, options);
}

/** The state after each input of a trace (element 0 is the initial state), with the events of each step. */
export function replayTrace(trace: RaftTrace): { states: RaftState[]; events: RaftEvent[][] } {
  return replayWith(RAFT, trace);
}

/** The state at the end of a trace, without keeping the states in between. */
export function finalState(trace: RaftTrace): RaftState {
  return finalStateWith(RAFT, trace);
}

/** Reads a Raft trace from JSON text (or a parsed object), checking its shape, options and every input. */
export function parseTrace(text: string | object): RaftTrace {
  return parseWith(RAFT, text);
}
