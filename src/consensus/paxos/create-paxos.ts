import { checkInteger, checkNonNegative, checkPositive, checkSeed, invalidType } from "../../validate";
import { checkRange } from "../raft/create-cluster";
import type { PaxosAcceptor, PaxosProposer, PaxosState } from "./types";

/** Options of {@link createPaxos}. */
export interface PaxosOptions {
  /** Acceptors, an integer in [1, 15]. Defaults to 3. */
  acceptors?: number;
  /** Proposers, each proposing its own value ("v1", "v2", ...), an integer in [1, 5]. Defaults to 2 (a duel). */
  proposers?: number;
  /** Proposer p starts its first ballot at p × staggerMs, ≥ 0. Defaults to 1. */
  staggerMs?: number;
  /** One-way message delay range [min, max] in ms. Defaults to [1, 5.5] (as for Raft's elections). */
  delayMs?: [number, number];
  /** A refused proposer waits a delay drawn from [min, max] ms before its next, higher ballot. Defaults to [0, 0] (at once). */
  retryMs?: [number, number];
  /**
   * A proposer whose ballot has not succeeded after this many ms (messages lost to a crash or a
   * partition) gives it up and starts a higher one, > 0. Defaults to 10 × the longest delay.
   */
  ballotTimeoutMs?: number;
  /** FLP's adversarial scheduler: hold every Accept until a higher Prepare has reached its acceptor. Defaults to false. */
  adversary?: boolean;
  /** The longest the adversary may hold a message, in ms (Infinity or null: a fully asynchronous network). Defaults to Infinity. */
  maxHoldMs?: number | null;
  /** Seed of the random stream (delays, waits), an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
}

/** Options with defaults filled in and Infinity written as null, so that they survive JSON in a trace. */
export interface CheckedPaxosOptions {
  acceptors: number;
  proposers: number;
  staggerMs: number;
  delayMs: [number, number];
  retryMs: [number, number];
  ballotTimeoutMs: number;
  adversary: boolean;
  maxHoldMs: number | null;
  seed: number;
}

/** Checks Paxos options and fills in their defaults. */
export function checkPaxosOptions(options: PaxosOptions): CheckedPaxosOptions {
  const { acceptors = 3, proposers = 2, staggerMs = 1, delayMs = [1, 5.5], retryMs = [0, 0], adversary = false, maxHoldMs = null, seed = 1 } = options;
  checkInteger("acceptors", acceptors, 1, 15);
  checkInteger("proposers", proposers, 1, 5);
  checkNonNegative("staggerMs", staggerMs);
  const delay = checkRange("delayMs", delayMs, false);
  const { ballotTimeoutMs = 10 * Math.max(delay[1], 1) } = options;
  checkPositive("ballotTimeoutMs", ballotTimeoutMs);
  if (typeof adversary !== "boolean") throw invalidType("adversary", adversary, "true or false");
  const hold = maxHoldMs === null || maxHoldMs === Infinity ? null : checkNonNegative("maxHoldMs", maxHoldMs);
  return {
    acceptors,
    proposers,
    staggerMs,
    delayMs: delay,
    retryMs: checkRange("retryMs", retryMs, false),
    ballotTimeoutMs,
    adversary,
    maxHoldMs: hold,
    seed: checkSeed(seed),
  };
}

/** A run at time 0: acceptors that promised nothing, proposer p due to start its first ballot at p × staggerMs. */
export function createPaxos(options: PaxosOptions = {}): PaxosState {
  const { acceptors, proposers, staggerMs, delayMs, retryMs, ballotTimeoutMs, adversary, maxHoldMs, seed } = checkPaxosOptions(options);
  const acceptorList: PaxosAcceptor[] = Array.from({ length: acceptors }, (_, id) => ({ id, up: true, promised: 0, accepted: null }));
  const proposerList: PaxosProposer[] = Array.from({ length: proposers }, (_, p) => ({
    id: acceptors + p,
    up: true,
    value: `v${p + 1}`,
    ballot: 0,
    seen: 0,
    phase: "idle",
    promises: new Array<boolean>(acceptors).fill(false),
    accepts: new Array<boolean>(acceptors).fill(false),
    best: null,
    proposed: null,
    startAt: p * staggerMs,
    learned: null,
  }));
  return {
    time: 0,
    acceptors: acceptorList,
    proposers: proposerList,
    messages: [],
    partition: new Array<number>(acceptors + proposers).fill(0),
    timing: { delayMs, retryMs, ballotTimeoutMs },
    adversary: { on: adversary, maxHoldMs },
    chosen: null,
    seed,
    counter: 0,
    nextMessageId: 0,
  };
}
