import { checkInteger } from "../../validate";
import { setPartition } from "../network-partition";
import { uniformDraw } from "../raft/random-draw";
import { RAFT_INPUTS, checkCommand, checkWaitMs, unknownInput, type RaftInput } from "../raft/step";
import { advancePaxos, advancePaxosUntil } from "./paxos-advance";
import { nodeName, paxosNote, startBallot } from "./paxos-rules";
import type { PaxosEvent, PaxosState } from "./types";

/** The inputs of a Paxos run are Raft's: tick, wait, crash, restart, partition, heal, a client's request, a forced timeout. */
export type PaxosInput = RaftInput;

/** The names of the inputs, for validation and the explorer's controls: Raft's. */
export const PAXOS_INPUTS = RAFT_INPUTS;

function checkNode(state: PaxosState, node: unknown): number {
  return checkInteger("server", node, 0, state.acceptors.length + state.proposers.length - 1);
}

/** Crashes a node. An acceptor keeps its promise and accepted proposal (stable storage); a proposer loses its ballot. */
export function crashNode(state: PaxosState, node: number, log: PaxosEvent[] | null = null): void {
  checkNode(state, node);
  const a = state.acceptors.length;
  if (node < a) {
    const acceptor = state.acceptors[node];
    if (!acceptor.up) return;
    acceptor.up = false;
    paxosNote(log, state, "crash", node, acceptor.promised, "stops (keeps its promise and accepted value)");
    return;
  }
  const proposer = state.proposers[node - a];
  if (!proposer.up) return;
  proposer.up = false;
  proposer.phase = "idle";
  proposer.startAt = null;
  proposer.promises.fill(false);
  proposer.accepts.fill(false);
  paxosNote(log, state, "crash", node, proposer.ballot, `stops, abandoning ballot ${proposer.ballot}`);
}

/** Restarts a node; a proposer that has not learned a value starts a new ballot after a retry wait. */
export function restartNode(state: PaxosState, node: number, log: PaxosEvent[] | null = null): void {
  checkNode(state, node);
  const a = state.acceptors.length;
  if (node < a) {
    const acceptor = state.acceptors[node];
    if (acceptor.up) return;
    acceptor.up = true;
    paxosNote(log, state, "restart", node, acceptor.promised, `restarts, promised ${acceptor.promised}`);
    return;
  }
  const proposer = state.proposers[node - a];
  if (proposer.up) return;
  proposer.up = true;
  if (proposer.learned === null) proposer.startAt = state.time + uniformDraw(state, state.timing.retryMs);
  paxosNote(
    log,
    state,
    "restart",
    node,
    proposer.ballot,
    proposer.learned === null ? "restarts; a new ballot follows" : `restarts, knowing ${proposer.learned}`,
  );
}

/** Applies an input to the state in place, appending what happened to `log`. */
export function applyPaxosInput(state: PaxosState, input: PaxosInput, log: PaxosEvent[] | null): void {
  switch (input?.type) {
    case "tick":
      advancePaxos(state, log);
      return;
    case "wait":
      checkWaitMs(input.ms);
      advancePaxosUntil(state, state.time + input.ms, log);
      return;
    case "crash":
      crashNode(state, input.server, log);
      return;
    case "restart":
      restartNode(state, input.server, log);
      return;
    case "partition":
      setPartition(state, input.sides, log);
      return;
    case "heal":
      setPartition(state, new Array<number>(state.partition.length).fill(0), log);
      return;
    case "clientRequest": {
      checkCommand(input.command);
      // A client asks a proposer that is free (idle or done) to propose its command, else any running one.
      const running = state.proposers.filter((p) => p.up);
      const proposer = running.find((p) => p.phase === "idle" || p.phase === "done") ?? running[0];
      if (!proposer) {
        if (log) log.push({ time: state.time, kind: "client request", server: 0, term: 0, detail: `no proposer runs: ${input.command} refused` });
        return;
      }
      proposer.value = input.command;
      paxosNote(log, state, "client request", proposer.id, proposer.ballot, `${nodeName(state, proposer.id)} will propose ${input.command}`);
      startBallot(state, proposer, log);
      return;
    }
    case "timeout": {
      const node = checkNode(state, input.server);
      const a = state.acceptors.length;
      if (node < a) {
        paxosNote(log, state, "timeout", node, state.acceptors[node].promised, "an acceptor runs no timer");
        return;
      }
      const proposer = state.proposers[node - a];
      if (proposer.up) startBallot(state, proposer, log);
      return;
    }
    default:
      throw unknownInput(input);
  }
}

/** One step as a pure function: a copy of the state with the input applied, and the events it caused. */
export function paxosStep(state: PaxosState, input: PaxosInput = { type: "tick" }): { state: PaxosState; events: PaxosEvent[] } {
  const next = structuredClone(state);
  const events: PaxosEvent[] = [];
  applyPaxosInput(next, input, events);
  return { state: next, events };
}
