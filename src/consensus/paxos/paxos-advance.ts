import { handleAccept, handleAccepted, handleNack, handlePrepare, handlePromise, nodeName, nodeUp, paxosNote, startBallot } from "./paxos-rules";
import type { PaxosEvent, PaxosMessage, PaxosState } from "./types";

/** The next thing to happen in a Paxos run: a message arriving, or a proposer starting a ballot. */
export type PaxosPending = { kind: "deliver"; time: number; message: PaxosMessage } | { kind: "start"; time: number; proposer: number };

/** When a message arrives: its network time, or its release by the adversary (Infinity while held without limit). */
function arrival(message: PaxosMessage): number {
  if (!message.held) return message.deliverTime;
  return message.heldUntil ?? Infinity;
}

/** The earliest pending event, or undefined; ties go to messages (by id), then proposers (by id), as in Raft's nextPending. */
export function nextPaxosPending(state: PaxosState): PaxosPending | undefined {
  let time = Infinity;
  let message = -1;
  let proposer = -1;
  const messages = state.messages;
  for (let i = 0; i < messages.length; i++) {
    const t = arrival(messages[i]);
    if (t < time) {
      time = t;
      message = i;
    }
  }
  const proposers = state.proposers;
  for (let i = 0; i < proposers.length; i++) {
    const p = proposers[i];
    if (p.up && p.startAt !== null && p.startAt < time) {
      time = p.startAt;
      proposer = i;
    }
  }
  if (proposer >= 0) return { kind: "start", time, proposer };
  return message >= 0 ? { kind: "deliver", time, message: messages[message] } : undefined;
}

/** Fires one pending event on the state (in place); returns it, or undefined when nothing is pending. */
export function advancePaxos(state: PaxosState, log: PaxosEvent[] | null = null): PaxosPending | undefined {
  const event = nextPaxosPending(state);
  if (!event) return undefined;
  state.time = Math.max(state.time, event.time);
  if (event.kind === "start") {
    const proposer = state.proposers[event.proposer];
    if (proposer.phase === "prepare" || proposer.phase === "accept")
      paxosNote(log, state, "timeout", proposer.id, proposer.ballot, `ballot ${proposer.ballot} unanswered for ${state.timing.ballotTimeoutMs} ms`);
    startBallot(state, proposer, log);
    return event;
  }
  const message = event.message;
  state.messages.splice(state.messages.indexOf(message), 1);
  const body = message.body;
  if (!nodeUp(state, message.to) || state.partition[message.to] !== state.partition[message.from]) {
    paxosNote(log, state, "drop", message.to, body.ballot, `${body.type}(${body.ballot}) from ${nodeName(state, message.from)} lost`);
    return event;
  }
  const a = state.acceptors.length;
  if (message.to < a) {
    const acceptor = state.acceptors[message.to];
    if (body.type === "Prepare") handlePrepare(state, acceptor, message.from, body, log);
    else if (body.type === "Accept") handleAccept(state, acceptor, message.from, body, log);
    return event;
  }
  const proposer = state.proposers[message.to - a];
  if (body.type === "Promise") handlePromise(state, proposer, message.from, body, log);
  else if (body.type === "Accepted") handleAccepted(state, proposer, message.from, body, log);
  else if (body.type === "Nack") handleNack(state, proposer, message.from, body, log);
  return event;
}

/** Fires every pending event up to and including `time`, then sets the clock to it. */
export function advancePaxosUntil(state: PaxosState, time: number, log: PaxosEvent[] | null = null): void {
  for (let next = nextPaxosPending(state); next && next.time <= time; next = nextPaxosPending(state)) advancePaxos(state, log);
  state.time = Math.max(state.time, time);
}
