import { invalidRange, invalidType } from "../../validate";
import { checkClusterOptions, createCluster, type ClusterOptions } from "./create-cluster";
import { RAFT_INPUTS, applyInput, type RaftInput } from "./step";
import type { RaftEvent, RaftState } from "./types";

/** A run as data: the cluster's options (seed included) and the inputs applied in order. Replaying it gives the same states. */
export interface RaftTrace {
  format: "dslab-raft-trace";
  version: 1;
  options: Required<ClusterOptions>;
  inputs: RaftInput[];
}

/** An empty trace of a cluster with the given options. */
export function createTrace(options: ClusterOptions = {}): RaftTrace {
  return { format: "dslab-raft-trace", version: 1, options: checkClusterOptions(options), inputs: [] };
}

/** The state after each input of a trace (element 0 is the initial state), with the events of each step. */
export function replayTrace(trace: RaftTrace): { states: RaftState[]; events: RaftEvent[][] } {
  let state = createCluster(trace.options);
  const states = [structuredClone(state)];
  const events: RaftEvent[][] = [[]];
  for (const input of trace.inputs) {
    state = structuredClone(state);
    const log: RaftEvent[] = [];
    applyInput(state, input, log);
    states.push(state);
    events.push(log);
  }
  return { states, events };
}

/** The state at the end of a trace, without keeping the states in between. */
export function finalState(trace: RaftTrace): RaftState {
  const state = createCluster(trace.options);
  for (const input of trace.inputs) applyInput(state, input, null);
  return state;
}

/** A trace as JSON text, to save and hand to someone else. */
export function traceToJson(trace: RaftTrace): string {
  return JSON.stringify(trace, null, 1);
}

/** Reads a trace from JSON text (or a parsed object), checking its shape, options and every input. */
export function parseTrace(text: string | object): RaftTrace {
  let data: unknown = text;
  if (typeof text === "string") {
    try {
      data = JSON.parse(text);
    } catch {
      throw invalidType("trace", text, "JSON text of a dslab-raft-trace");
    }
  }
  const trace = data as Partial<RaftTrace> | null;
  if (!trace || typeof trace !== "object" || trace.format !== "dslab-raft-trace" || trace.version !== 1)
    throw invalidRange("trace", data, 'an object with format "dslab-raft-trace" and version 1');
  const options = checkClusterOptions(trace.options ?? {});
  if (!Array.isArray(trace.inputs)) throw invalidType("trace.inputs", trace.inputs, "an array of inputs");
  trace.inputs.forEach((input, i) => {
    if (!input || typeof input !== "object" || !RAFT_INPUTS.includes((input as RaftInput).type))
      throw invalidRange(`trace.inputs[${i}]`, input, `an object whose type is one of ${RAFT_INPUTS.join(", ")}`);
  });
  // Replaying checks each input's fields (servers in range, partition sides) with the rules' own validation.
  const result: RaftTrace = { format: "dslab-raft-trace", version: 1, options, inputs: trace.inputs.map((input) => ({ ...input })) };
  finalState(result);
  return result;
}
