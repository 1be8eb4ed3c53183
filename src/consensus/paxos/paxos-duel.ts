import { createSimulation, run, schedule, type Simulation } from "../../des";
import { createRng } from "../../random";
import { checkInteger, checkNonNegative, checkNumber, checkPositive, checkSeed } from "../../validate";

/** Options of {@link paxosDuel}. */
export interface PaxosDuelOptions {
  /** Acceptors, an odd or even integer in [1, 15]. Defaults to 3. */
  acceptors?: number;
  /** Proposers, each proposing its own value, an integer in [1, 5]. Defaults to 2 (a duel). */
  proposers?: number;
  /** Time between one proposer's start and the next's, in ms, ≥ 0. Defaults to 1. */
  staggerMs?: number;
  /** One-way message delay range [min, max] in ms. Defaults to [1, 5.5] (as for Raft's elections). */
  delayMs?: [number, number];
  /** A rejected proposer waits a delay drawn from [min, max] ms before its next, higher ballot. Defaults to [0, 0] (at once). */
  retryMs?: [number, number];
  /** Adversarial scheduler: hold every Accept until a higher Prepare has reached its acceptor (FLP's adversary). Defaults to false. */
  adversary?: boolean;
  /** The longest the adversary may hold a message, in ms (Infinity: a fully asynchronous network). Defaults to Infinity. */
  maxHoldMs?: number;
  /** Simulated ms after which an undecided run stops. Defaults to 5,000. */
  maxMs?: number;
  /** Seed, an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
  /** Keep running after the first decision, so that every proposer may finish (to check they agree). Defaults to false. */
  continueAfterDecision?: boolean;
}

/** What one run of single-decree Paxos did. */
export interface PaxosOutcome {
  decided: boolean;
  /** The chosen value (the proposer's name, "v1", "v2", ...), or "" when undecided. */
  value: string;
  /** ms from the first proposer's start until a proposer learned the decision (or maxMs). */
  ms: number;
  /** Ballots started by all proposers (1 for an undisturbed run). */
  ballots: number;
  /** Messages sent. */
  messages: number;
  /** The value each proposer learned chosen, in the order they learned it (one entry unless continueAfterDecision). */
  decisions: string[];
  /** Every message delivered, in order: time, type, from, to, ballot (for a sequence diagram). */
  log: { time: number; type: string; from: string; to: string; ballot: number }[];
}

type Message =
  | { type: "Prepare"; ballot: number; proposer: number }
  | { type: "Promise"; ballot: number; acceptor: number; accepted: { ballot: number; value: string } | null }
  | { type: "Accept"; ballot: number; proposer: number; value: string }
  | { type: "Accepted"; ballot: number; acceptor: number }
  | { type: "Nack"; ballot: number; acceptor: number; promised: number };

interface Event {
  kind: "start" | "deliver" | "release";
  to: number;
  message?: Message;
  proposer?: number;
}

/**
 * Single-decree Paxos (Lamport, "Paxos Made Simple", 2001) with competing proposers, as a
 * discrete-event simulation: Prepare(b) / Promise, then Accept(b, v) / Accepted; an acceptor
 * promises and accepts only ballots at least as high as any it promised, and a proposer adopts
 * the value of the highest ballot already accepted among its promises. A proposer rejected (Nack)
 * retries with a higher ballot after a delay drawn from retryMs. With `adversary`, the scheduler
 * holds each Accept until a higher Prepare reached its acceptor (at most maxHoldMs): the FLP
 * adversary that keeps two duelling proposers from ever deciding in an asynchronous network.
 * Ballots are unique: proposer p uses p, p + P, p + 2P, ... for P proposers.
 */
export function paxosDuel(options: PaxosDuelOptions = {}): PaxosOutcome {
  const {
    acceptors = 3,
    proposers = 2,
    staggerMs = 1,
    delayMs = [1, 5.5],
    retryMs = [0, 0],
    adversary = false,
    maxHoldMs = Infinity,
    maxMs = 5000,
    seed = 1,
    continueAfterDecision = false,
  } = options;
  checkInteger("acceptors", acceptors, 1, 15);
  checkInteger("proposers", proposers, 1, 5);
  checkNonNegative("staggerMs", staggerMs);
  checkNumber("delayMs[0]", delayMs?.[0], { min: 0 });
  checkNumber("delayMs[1]", delayMs?.[1], { min: delayMs[0] });
  checkNumber("retryMs[0]", retryMs?.[0], { min: 0 });
  checkNumber("retryMs[1]", retryMs?.[1], { min: retryMs[0] });
  if (maxHoldMs !== Infinity) checkNonNegative("maxHoldMs", maxHoldMs);
  checkPositive("maxMs", maxMs);
  checkSeed(seed);
  const rng = createRng(seed);
  const sim: Simulation<Event> = createSimulation<Event>();
  const majority = Math.floor(acceptors / 2) + 1;
  // Acceptor state; node ids: acceptors 0..A-1, proposers A..A+P-1.
  const promised = new Array<number>(acceptors).fill(0);
  const accepted: ({ ballot: number; value: string } | null)[] = new Array(acceptors).fill(null);
  const held: { at: number; to: number; message: Extract<Message, { type: "Accept" }>; sentAt: number }[] = [];
  const proposer = Array.from({ length: proposers }, (_, p) => ({
    ballot: 0,
    phase: "idle" as "idle" | "prepare" | "accept" | "done",
    promises: new Set<number>(),
    accepts: new Set<number>(),
    best: null as { ballot: number; value: string } | null,
    value: `v${p + 1}`,
    proposed: "",
  }));
  let messages = 0;
  let ballots = 0;
  let decided: { value: string; ms: number } | null = null;
  const decisions: string[] = [];
  const log: PaxosOutcome["log"] = [];
  const name = (node: number) => (node < acceptors ? `A${node + 1}` : `P${node - acceptors + 1}`);
  const delay = () => delayMs[0] + (delayMs[1] - delayMs[0]) * rng.random();
  const send = (from: number, to: number, message: Message) => {
    messages++;
    const d = delay();
    // The adversary holds an Accept that could still succeed; one already doomed (its acceptor promised
    // a higher ballot) it lets through, since holding it forever would not be a fair schedule.
    if (adversary && message.type === "Accept" && promised[to] <= message.ballot) {
      held.push({ at: sim.now + d, to, message, sentAt: sim.now });
      if (maxHoldMs !== Infinity) schedule(sim, d + maxHoldMs, "release", { kind: "release", to, message });
      return;
    }
    schedule(sim, d, "deliver", { kind: "deliver", to, message, proposer: from });
  };
  const startBallot = (p: number) => {
    const s = proposer[p];
    const highest = Math.max(s.ballot, ...promised);
    // The next ballot of this proposer above every ballot it has seen.
    s.ballot = p + 1;
    while (s.ballot <= highest) s.ballot += proposers;
    s.phase = "prepare";
    s.promises.clear();
    s.accepts.clear();
    s.best = null;
    ballots++;
    for (let a = 0; a < acceptors; a++) send(acceptors + p, a, { type: "Prepare", ballot: s.ballot, proposer: p });
  };
  const retry = (p: number) => {
    proposer[p].phase = "idle";
    schedule(sim, retryMs[0] + (retryMs[1] - retryMs[0]) * rng.random(), "start", { kind: "start", to: acceptors + p, proposer: p });
  };
  const deliver = (to: number, message: Message) => {
    log.push({
      time: sim.now,
      type: message.type,
      from: name("proposer" in message ? acceptors + message.proposer : message.acceptor),
      to: name(to),
      ballot: message.ballot,
    });
    if (to < acceptors) {
      const a = to;
      if (message.type === "Prepare") {
        if (message.ballot > promised[a]) {
          promised[a] = message.ballot;
          send(a, acceptors + message.proposer, { type: "Promise", ballot: message.ballot, acceptor: a, accepted: accepted[a] });
          // The adversary lets held Accepts of lower ballots through now that they will fail.
          for (let i = held.length - 1; i >= 0; i--) {
            if (held[i].to === a && held[i].message.ballot < message.ballot) {
              const [h] = held.splice(i, 1);
              schedule(sim, 0, "deliver", { kind: "deliver", to: h.to, message: h.message });
            }
          }
        } else send(a, acceptors + message.proposer, { type: "Nack", ballot: message.ballot, acceptor: a, promised: promised[a] });
      } else if (message.type === "Accept") {
        if (message.ballot >= promised[a]) {
          promised[a] = message.ballot;
          accepted[a] = { ballot: message.ballot, value: message.value };
          send(a, acceptors + message.proposer, { type: "Accepted", ballot: message.ballot, acceptor: a });
        } else send(a, acceptors + message.proposer, { type: "Nack", ballot: message.ballot, acceptor: a, promised: promised[a] });
      }
      return;
    }
    const p = to - acceptors;
    const s = proposer[p];
    if (message.ballot !== s.ballot || s.phase === "done" || s.phase === "idle") return;
    if (message.type === "Promise" && s.phase === "prepare") {
      s.promises.add(message.acceptor);
      if (message.accepted && (!s.best || message.accepted.ballot > s.best.ballot)) s.best = message.accepted;
      if (s.promises.size >= majority) {
        s.phase = "accept";
        const value = s.best ? s.best.value : s.value;
        s.proposed = value;
        for (let a = 0; a < acceptors; a++) send(to, a, { type: "Accept", ballot: s.ballot, proposer: p, value });
      }
    } else if (message.type === "Accepted" && s.phase === "accept") {
      s.accepts.add(message.acceptor);
      if (s.accepts.size >= majority) {
        s.phase = "done";
        // A majority accepted this ballot's value: it is chosen.
        const value = s.proposed;
        decisions.push(value);
        if (!decided) decided = { value, ms: sim.now };
      }
    } else if (message.type === "Nack") {
      retry(p);
    }
  };
  for (let p = 0; p < proposers; p++) schedule(sim, p * staggerMs, "start", { kind: "start", to: acceptors + p, proposer: p });
  run(
    sim,
    (_, event) => {
      if (decided && !continueAfterDecision) return;
      const e = event.payload;
      if (e.kind === "start") startBallot(e.proposer!);
      else if (e.kind === "release") {
        const i = held.findIndex((h) => h.message === e.message && h.to === e.to);
        if (i >= 0) {
          held.splice(i, 1);
          deliver(e.to, e.message!);
        }
      } else deliver(e.to, e.message!);
    },
    { until: maxMs },
  );
  const outcome = decided as { value: string; ms: number } | null;
  return { decided: outcome !== null, value: outcome?.value ?? "", ms: outcome?.ms ?? maxMs, ballots, messages, decisions, log };
}
