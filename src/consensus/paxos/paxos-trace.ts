import { emptyTrace, finalStateWith, parseWith, replayWith, type ClusterProtocol, type ProtocolTrace } from "../cluster-trace";
import { checkPaxosOptions, createPaxos, type CheckedPaxosOptions, type PaxosOptions } from "./create-paxos";
import { PAXOS_INPUTS, applyPaxosInput, type PaxosInput } from "./paxos-step";
import type { PaxosEvent, PaxosState } from "./types";

/** Single-decree Paxos as a protocol a trace can replay. */
export const PAXOS: ClusterProtocol<"dslab-paxos-trace", CheckedPaxosOptions, PaxosState, PaxosInput> = {
  format: "dslab-paxos-trace",
  inputs: PAXOS_INPUTS,
  checkOptions: checkPaxosOptions,
  create: createPaxos,
  apply: applyPaxosInput,
};

/** A Paxos run as data: its options (seed included) and the inputs applied in order. */
export type PaxosTrace = ProtocolTrace<"dslab-paxos-trace", CheckedPaxosOptions, PaxosInput>;

/** An empty trace of a Paxos run with the given options. */
export function createPaxosTrace(options: PaxosOptions = {}): PaxosTrace {
  return emptyTrace(PAXOS, options);
}

/** The state after each input of a Paxos trace (element 0 is the initial state), with the events of each step. */
export function replayPaxosTrace(trace: PaxosTrace): { states: PaxosState[]; events: PaxosEvent[][] } {
  return replayWith(PAXOS, trace);
}

/** The state at the end of a Paxos trace. */
export function finalPaxosState(trace: PaxosTrace): PaxosState {
  return finalStateWith(PAXOS, trace);
}

/** Reads a Paxos trace from JSON text (or a parsed object), checking its shape, options and every input. */
export function parsePaxosTrace(text: string | object): PaxosTrace {
  return parseWith(PAXOS, text);
}
