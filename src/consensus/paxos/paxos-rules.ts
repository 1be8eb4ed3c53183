import { majority } from "../raft/network";
import { uniformDraw } from "../raft/random-draw";
import type { Accept, Accepted, Nack, PaxosAcceptor, PaxosBody, PaxosEvent, PaxosPromise, PaxosProposer, PaxosState, Prepare } from "./types";

// The rules of single-decree Paxos (Lamport, "Paxos Made Simple", 2001, Sec. 2.2-2.3). Each rule
// updates the state it is given; node ids put the acceptors first, then the proposers.

/** "A1", "A2", ... for acceptors, "P1", "P2", ... for proposers. */
export function nodeName(state: PaxosState, node: number): string {
  const a = state.acceptors.length;
  return node < a ? `A${node + 1}` : `P${node - a + 1}`;
}

/** Whether a node runs. */
export function nodeUp(state: PaxosState, node: number): boolean {
  const a = state.acceptors.length;
  return node < a ? state.acceptors[node].up : state.proposers[node - a].up;
}

/** Appends an event to a log when one is kept (experiments run without one). */
export function paxosNote(log: PaxosEvent[] | null, state: PaxosState, kind: string, node: number, ballot: number, detail: string): void {
  if (log) log.push({ time: state.time, kind, server: node, term: ballot, detail });
}

/**
 * Puts a message in flight with a delay drawn from the state's range. The adversary, when on, holds
 * an Accept that could still succeed; one already doomed (its acceptor promised a higher ballot) it
 * lets through, since holding it forever would not be a fair schedule.
 */
export function sendPaxos(state: PaxosState, from: number, to: number, body: PaxosBody): void {
  const deliverTime = state.time + uniformDraw(state, state.timing.delayMs);
  const { on, maxHoldMs } = state.adversary;
  const held = on && body.type === "Accept" && state.acceptors[to].promised <= body.ballot;
  state.messages.push({
    id: state.nextMessageId++,
    from,
    to,
    sendTime: state.time,
    deliverTime,
    held,
    heldUntil: held && maxHoldMs !== null ? deliverTime + maxHoldMs : null,
    body,
  });
}

/** The ballot proposer p of P uses next: the smallest of p + 1, p + 1 + P, ... above every ballot it has seen, so no two proposers share one. */
export function nextBallot(p: number, proposers: number, seen: number): number {
  const first = p + 1;
  return seen < first ? first : first + (Math.floor((seen - first) / proposers) + 1) * proposers;
}

/** Phase 1a: a new, higher ballot; Prepare to every acceptor. */
export function startBallot(state: PaxosState, proposer: PaxosProposer, log: PaxosEvent[] | null): void {
  const p = proposer.id - state.acceptors.length;
  proposer.ballot = nextBallot(p, state.proposers.length, proposer.seen);
  proposer.seen = proposer.ballot;
  proposer.phase = "prepare";
  proposer.promises.fill(false);
  proposer.accepts.fill(false);
  proposer.best = null;
  proposer.proposed = null;
  proposer.startAt = state.time + state.timing.ballotTimeoutMs;
  paxosNote(log, state, "ballot", proposer.id, proposer.ballot, `Prepare(${proposer.ballot}) to all, hoping for ${proposer.value}`);
  for (const acceptor of state.acceptors) sendPaxos(state, proposer.id, acceptor.id, { type: "Prepare", ballot: proposer.ballot });
}

/** Phase 1b: promise a ballot above every earlier promise, reporting the highest proposal accepted; refuse a lower one. */
export function handlePrepare(state: PaxosState, acceptor: PaxosAcceptor, from: number, request: Prepare, log: PaxosEvent[] | null): void {
  if (request.ballot <= acceptor.promised) {
    paxosNote(log, state, "refuse", acceptor.id, request.ballot, `Prepare(${request.ballot}) from ${nodeName(state, from)}: promised ${acceptor.promised}`);
    sendPaxos(state, acceptor.id, from, { type: "Nack", ballot: request.ballot, promised: acceptor.promised });
    return;
  }
  acceptor.promised = request.ballot;
  const accepted = acceptor.accepted && { ...acceptor.accepted };
  paxosNote(
    log,
    state,
    "promise",
    acceptor.id,
    request.ballot,
    `promises ${request.ballot} to ${nodeName(state, from)}${accepted ? `, reporting ${accepted.value} of ballot ${accepted.ballot}` : ""}`,
  );
  sendPaxos(state, acceptor.id, from, { type: "Promise", ballot: request.ballot, accepted });
  // The adversary lets held Accepts of lower ballots go now that they will be refused.
  for (const message of state.messages) {
    if (message.held && message.to === acceptor.id && message.body.ballot < request.ballot) {
      message.held = false;
      message.heldUntil = null;
      message.deliverTime = Math.max(message.deliverTime, state.time);
    }
  }
}

/** Phase 2b: accept a proposal unless a higher ballot was promised; an observer of all acceptors notes the first ballot a majority accepted. */
export function handleAccept(state: PaxosState, acceptor: PaxosAcceptor, from: number, request: Accept, log: PaxosEvent[] | null): void {
  if (request.ballot < acceptor.promised) {
    paxosNote(log, state, "refuse", acceptor.id, request.ballot, `Accept(${request.ballot}, ${request.value}): promised ${acceptor.promised}`);
    sendPaxos(state, acceptor.id, from, { type: "Nack", ballot: request.ballot, promised: acceptor.promised });
    return;
  }
  acceptor.promised = request.ballot;
  acceptor.accepted = { ballot: request.ballot, value: request.value };
  paxosNote(log, state, "accept", acceptor.id, request.ballot, `accepts ${request.value} in ballot ${request.ballot}`);
  sendPaxos(state, acceptor.id, from, { type: "Accepted", ballot: request.ballot });
  if (state.chosen) return;
  let count = 0;
  for (const a of state.acceptors) if (a.accepted?.ballot === request.ballot) count++;
  if (count >= majority(state.acceptors.length)) {
    state.chosen = { ballot: request.ballot, value: request.value, time: state.time };
    paxosNote(log, state, "chosen", acceptor.id, request.ballot, `${request.value} is chosen: a majority accepted ballot ${request.ballot}`);
  }
}

function count(flags: boolean[]): number {
  let n = 0;
  for (const flag of flags) if (flag) n++;
  return n;
}

/** Phase 2a: with promises from a majority, propose the value of the highest ballot they report, else its own. */
export function handlePromise(state: PaxosState, proposer: PaxosProposer, from: number, reply: PaxosPromise, log: PaxosEvent[] | null): void {
  if (reply.ballot !== proposer.ballot || proposer.phase !== "prepare") return;
  proposer.promises[from] = true;
  if (reply.accepted && (!proposer.best || reply.accepted.ballot > proposer.best.ballot)) proposer.best = { ...reply.accepted };
  if (count(proposer.promises) < majority(state.acceptors.length)) return;
  const value = proposer.best ? proposer.best.value : proposer.value;
  proposer.phase = "accept";
  proposer.proposed = value;
  paxosNote(
    log,
    state,
    "propose",
    proposer.id,
    proposer.ballot,
    `Accept(${proposer.ballot}, ${value}) to all${proposer.best ? ` (adopted from ballot ${proposer.best.ballot})` : ""}`,
  );
  for (const acceptor of state.acceptors) sendPaxos(state, proposer.id, acceptor.id, { type: "Accept", ballot: proposer.ballot, value });
}

/** A majority accepted this ballot: its value is chosen and the proposer learns it. */
export function handleAccepted(state: PaxosState, proposer: PaxosProposer, from: number, reply: Accepted, log: PaxosEvent[] | null): void {
  if (reply.ballot !== proposer.ballot || proposer.phase !== "accept") return;
  proposer.accepts[from] = true;
  if (count(proposer.accepts) < majority(state.acceptors.length)) return;
  proposer.phase = "done";
  proposer.startAt = null;
  proposer.learned = proposer.proposed;
  paxosNote(log, state, "learns", proposer.id, proposer.ballot, `${proposer.learned} is chosen (a majority accepted ballot ${proposer.ballot})`);
}

/** Refused: remember the higher ballot, give this one up, and try a higher one after a random wait. */
export function handleNack(state: PaxosState, proposer: PaxosProposer, _from: number, reply: Nack, log: PaxosEvent[] | null): void {
  proposer.seen = Math.max(proposer.seen, reply.promised);
  if (reply.ballot !== proposer.ballot || (proposer.phase !== "prepare" && proposer.phase !== "accept")) return;
  proposer.phase = "idle";
  proposer.startAt = state.time + uniformDraw(state, state.timing.retryMs);
  paxosNote(
    log,
    state,
    "refused",
    proposer.id,
    proposer.ballot,
    `ballot ${proposer.ballot} refused (ballot ${reply.promised} promised); retries at ${proposer.startAt.toFixed(1)} ms`,
  );
}
