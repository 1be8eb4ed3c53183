import type { RaftEvent } from "../raft/types";

/** A value with the ballot that carried it. */
export interface BallotValue {
  ballot: number;
  value: string;
}

/** An acceptor (Lamport, "Paxos Made Simple", 2001): its promise and what it accepted survive a crash. */
export interface PaxosAcceptor {
  /** Node id: acceptors are 0 .. A - 1. */
  id: number;
  up: boolean;
  /** Persistent: the highest ballot it promised (0 = none); it takes no Prepare or Accept below it. */
  promised: number;
  /** Persistent: the highest-ballot proposal it accepted, or null. */
  accepted: BallotValue | null;
}

/** Where a proposer stands in its current ballot. */
export type ProposerPhase = "idle" | "prepare" | "accept" | "done";

/** A proposer; its ballot state is volatile (a restarted proposer begins a new, higher ballot). */
export interface PaxosProposer {
  /** Node id: proposers are A .. A + P - 1. */
  id: number;
  up: boolean;
  /** The value it proposes when no acceptor reports an accepted one ("v1", "v2", ... or a client's command). */
  value: string;
  /** Its current ballot (0 before the first); proposer p of P uses p + 1, p + 1 + P, p + 1 + 2P, ... */
  ballot: number;
  /** The highest ballot it has heard of (its own, or one an acceptor reported); its next ballot is above it. */
  seen: number;
  phase: ProposerPhase;
  /** promises[a] true when acceptor a promised this ballot. */
  promises: boolean[];
  /** accepts[a] true when acceptor a accepted this ballot. */
  accepts: boolean[];
  /** The highest-ballot accepted proposal among this ballot's promises, whose value it must propose. */
  best: BallotValue | null;
  /** The value sent in this ballot's Accepts, or null before phase 2. */
  proposed: string | null;
  /** Time (ms) at which it starts its next ballot (after a retry wait, or its ballot's timeout), or null when none is due. */
  startAt: number | null;
  /** The value it learned chosen (a majority accepted its ballot), or null. */
  learned: string | null;
}

/** Phase 1a: a proposer asks acceptors to promise ballot b. */
export interface Prepare {
  type: "Prepare";
  ballot: number;
}

/** Phase 1b: the promise, with the acceptor's highest accepted proposal. */
export interface PaxosPromise {
  type: "Promise";
  ballot: number;
  accepted: BallotValue | null;
}

/** Phase 2a: a proposer asks acceptors to accept value v in ballot b. */
export interface Accept {
  type: "Accept";
  ballot: number;
  value: string;
}

/** Phase 2b: the acceptor accepted ballot b. */
export interface Accepted {
  type: "Accepted";
  ballot: number;
}

/** A refusal: the acceptor promised a higher ballot (an optimisation of the paper's silence that tells the proposer to retry). */
export interface Nack {
  type: "Nack";
  ballot: number;
  promised: number;
}

export type PaxosBody = Prepare | PaxosPromise | Accept | Accepted | Nack;

/** A message in flight between nodes (acceptors 0 .. A - 1, proposers A .. A + P - 1). */
export interface PaxosMessage {
  id: number;
  from: number;
  to: number;
  sendTime: number;
  /** When the network would deliver it. */
  deliverTime: number;
  /** Held by the adversarial scheduler: delivered at heldUntil, or when a higher Prepare reaches its acceptor (null: no limit). */
  held: boolean;
  heldUntil: number | null;
  body: PaxosBody;
}

/** Timing of a simulated Paxos run, in ms. */
export interface PaxosTiming {
  /** One-way message delays are drawn uniformly from [min, max]. */
  delayMs: [number, number];
  /** A refused proposer waits a time drawn from [min, max] before its next ballot. */
  retryMs: [number, number];
  /** A ballot not done after this long is given up for a higher one (the proposer's timeout). */
  ballotTimeoutMs: number;
}

/** FLP's adversary: it holds every Accept that could still succeed until a higher Prepare reaches its acceptor. */
export interface PaxosAdversary {
  on: boolean;
  /** The longest it may hold a message (null: forever, a fully asynchronous network). */
  maxHoldMs: number | null;
}

/** Single-decree Paxos as plain data (JSON-serialisable), in the shape of RaftState: nodes, messages, network, clock, random stream. */
export interface PaxosState {
  time: number;
  acceptors: PaxosAcceptor[];
  proposers: PaxosProposer[];
  messages: PaxosMessage[];
  /** partition[node] is the node's side; messages cross only between equal sides. */
  partition: number[];
  timing: PaxosTiming;
  adversary: PaxosAdversary;
  /** What an observer of every acceptor sees: the first ballot a majority accepted, its value and when (null: nothing chosen yet). */
  chosen: (BallotValue & { time: number }) | null;
  seed: number;
  counter: number;
  nextMessageId: number;
}

/** Something that happened in one step (term holds the ballot). */
export type PaxosEvent = RaftEvent;
