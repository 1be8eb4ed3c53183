import { invalidRange, invalidType } from "../validate";
import type { RaftEvent } from "./raft/types";

/** What a trace needs of a protocol (Raft's, Paxos's): its options, its initial state and its step rule. */
export interface ClusterProtocol<Format extends string, Options, State, Input extends { type: string }> {
  /** The trace's format tag, "dslab-raft-trace" or "dslab-paxos-trace". */
  format: Format;
  /** The input types it accepts. */
  inputs: readonly string[];
  /** Checks options, filling in defaults; throws a RangeError naming a bad one. */
  checkOptions(options: object): Options;
  create(options: Options): State;
  /** Applies one input in place, appending what happened to the log when one is kept. */
  apply(state: State, input: Input, log: RaftEvent[] | null): void;
}

/** A run as data: the options (seed included) and the inputs applied in order. Replaying it gives the same states. */
export interface ProtocolTrace<Format extends string, Options, Input> {
  format: Format;
  version: 1;
  options: Options;
  inputs: Input[];
}

/** An empty trace of a run with the given options. */
export function emptyTrace<F extends string, O, S, I extends { type: string }>(protocol: ClusterProtocol<F, O, S, I>, options: object): ProtocolTrace<F, O, I> {
  return { format: protocol.format, version: 1, options: protocol.checkOptions(options), inputs: [] };
}

/** The state after each input of a trace (element 0 is the initial state), with the events of each step. */
export function replayWith<F extends string, O, S, I extends { type: string }>(
  protocol: ClusterProtocol<F, O, S, I>,
  trace: ProtocolTrace<F, O, I>,
): { states: S[]; events: RaftEvent[][] } {
  let state = protocol.create(trace.options);
  const states = [structuredClone(state)];
  const events: RaftEvent[][] = [[]];
  for (const input of trace.inputs) {
    state = structuredClone(state);
    const log: RaftEvent[] = [];
    protocol.apply(state, input, log);
    states.push(state);
    events.push(log);
  }
  return { states, events };
}

/** The state at the end of a trace, without keeping the states in between. */
export function finalStateWith<F extends string, O, S, I extends { type: string }>(protocol: ClusterProtocol<F, O, S, I>, trace: ProtocolTrace<F, O, I>): S {
  const state = protocol.create(trace.options);
  for (const input of trace.inputs) protocol.apply(state, input, null);
  return state;
}

/** The format tag of a trace given as JSON text or an object, or undefined when it has none. */
export function traceFormat(text: string | object): string | undefined {
  let data: unknown = text;
  if (typeof text === "string") {
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const format = (data as { format?: unknown } | null)?.format;
  return typeof format === "string" ? format : undefined;
}

/** Reads a trace of the protocol from JSON text (or a parsed object), checking its shape, options and every input. */
export function parseWith<F extends string, O, S, I extends { type: string }>(
  protocol: ClusterProtocol<F, O, S, I>,
  text: string | object,
): ProtocolTrace<F, O, I> {
  let data: unknown = text;
  if (typeof text === "string") {
    try {
      data = JSON.parse(text);
    } catch {
      throw invalidType("trace", text, `JSON text of a ${protocol.format}`);
    }
  }
  const trace = data as Partial<ProtocolTrace<F, O, I>> | null;
  if (!trace || typeof trace !== "object" || trace.format !== protocol.format || trace.version !== 1)
    throw invalidRange("trace", data, `an object with format "${protocol.format}" and version 1`);
  const options = protocol.checkOptions(trace.options ?? {});
  if (!Array.isArray(trace.inputs)) throw invalidType("trace.inputs", trace.inputs, "an array of inputs");
  trace.inputs.forEach((input, i) => {
    if (!input || typeof input !== "object" || !protocol.inputs.includes((input as I).type))
      throw invalidRange(`trace.inputs[${i}]`, input, `an object whose type is one of ${protocol.inputs.join(", ")}`);
  });
  // Replaying checks each input's fields (nodes in range, partition sides) with the rules' own validation.
  const result: ProtocolTrace<F, O, I> = { format: protocol.format, version: 1, options, inputs: trace.inputs.map((input) => ({ ...input })) };
  finalStateWith(protocol, result);
  return result;
}

/** A trace as JSON text, to save and hand to someone else. */
export function traceToJson(trace: ProtocolTrace<string, unknown, unknown>): string {
  return JSON.stringify(trace, null, 1);
}
