import { checkInteger, checkNumber, invalidRange } from "../../validate";
import { advance, advanceUntil } from "./advance";
import { startElection } from "./election-rules";
import { crash, currentLeader, partition, restart } from "./faults";
import { note } from "./network";
import { appendCommand } from "./replication-rules";
import type { RaftEvent, RaftState } from "./types";

/** What can happen to a cluster: the next event (tick), every event in the next ms (wait), or an input from outside (a fault, a client, a forced timeout). */
export type RaftInput =
  | { type: "tick" }
  | { type: "wait"; ms: number }
  | { type: "crash"; server: number }
  | { type: "restart"; server: number }
  | { type: "partition"; sides: number[] }
  | { type: "heal" }
  | { type: "clientRequest"; command: string }
  | { type: "timeout"; server: number };

/** The names of the inputs, for validation and the explorer's controls. */
export const RAFT_INPUTS = ["tick", "wait", "crash", "restart", "partition", "heal", "clientRequest", "timeout"] as const;

/** Checks a wait's simulated ms, in (0, 1,000,000]; returns it. */
export function checkWaitMs(ms: unknown): number {
  return checkNumber("ms", ms, { min: 0, minOpen: true, max: 1e6 });
}

/** Checks a client's command: a string of 1 to 40 characters. */
export function checkCommand(command: unknown): string {
  if (typeof command !== "string" || command.length === 0 || command.length > 40) throw invalidRange("command", command, "a string of 1 to 40 characters");
  return command;
}

/** The error for an input whose type is none of the inputs' names. */
export function unknownInput(input: unknown): RangeError {
  return invalidRange("input", input, `an object whose type is one of ${RAFT_INPUTS.map((t) => JSON.stringify(t)).join(", ")}`);
}

/** A step's result: the new state and what happened. */
export interface StepResult {
  state: RaftState;
  events: RaftEvent[];
}

/** Applies an input to the state in place, appending what happened to `log`. */
export function applyInput(state: RaftState, input: RaftInput, log: RaftEvent[] | null): void {
  switch (input?.type) {
    case "tick":
      advance(state, log);
      return;
    case "wait":
      checkWaitMs(input.ms);
      advanceUntil(state, state.time + input.ms, log);
      return;
    case "crash":
      crash(state, input.server, log);
      return;
    case "restart":
      restart(state, input.server, log);
      return;
    case "partition":
      partition(state, input.sides, log);
      return;
    case "heal":
      partition(
        state,
        state.servers.map(() => 0),
        log,
      );
      return;
    case "clientRequest": {
      checkCommand(input.command);
      const leader = currentLeader(state);
      if (leader === undefined) {
        if (log) log.push({ time: state.time, kind: "client request", server: 0, term: 0, detail: `no leader: ${input.command} refused` });
        return;
      }
      appendCommand(state, state.servers[leader], input.command, log);
      return;
    }
    case "timeout": {
      checkInteger("server", input.server, 0, state.servers.length - 1);
      const server = state.servers[input.server];
      if (!server.up) return;
      if (server.role === "leader") {
        note(log, state, "timeout", server.id, "a leader runs no election timer");
        return;
      }
      startElection(state, server, log);
      return;
    }
    default:
      throw unknownInput(input);
  }
}

/**
 * One step of the cluster as a pure function: a copy of the state with the input applied, and the
 * events it caused. The state is plain data, so any step can be saved, shown or replayed.
 */
export function step(state: RaftState, input: RaftInput = { type: "tick" }): StepResult {
  const next = structuredClone(state);
  const events: RaftEvent[] = [];
  applyInput(next, input, events);
  return { state: next, events };
}
