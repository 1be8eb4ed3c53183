import { checkPositive, invalidType } from "../../validate";
import { createPaxos, type PaxosOptions } from "./create-paxos";
import { advancePaxos, nextPaxosPending } from "./paxos-advance";
import { nodeName } from "./paxos-rules";

/** Options of {@link paxosDuel}: a Paxos set-up (see createPaxos), how long to run, and whether to stop at the first decision. */
export interface PaxosDuelOptions extends PaxosOptions {
  /** Simulated ms after which an undecided run stops. Defaults to 5,000. */
  maxMs?: number;
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

/**
 * Single-decree Paxos (Lamport, "Paxos Made Simple", 2001) with competing proposers, run with the
 * rules the explorer steps (createPaxos, advancePaxos): Prepare(b) / Promise, then Accept(b, v) /
 * Accepted; an acceptor promises and accepts only ballots at least as high as any it promised, and
 * a proposer adopts the value of the highest ballot already accepted among its promises. A proposer
 * refused (Nack) retries with a higher ballot after a delay drawn from retryMs. With `adversary`,
 * the scheduler holds each Accept until a higher Prepare reached its acceptor (at most maxHoldMs):
 * the FLP adversary that keeps two duelling proposers from ever deciding in an asynchronous network.
 */
export function paxosDuel(options: PaxosDuelOptions = {}): PaxosOutcome {
  const { maxMs = 5000, continueAfterDecision = false, ...setup } = options;
  const state = createPaxos(setup);
  checkPositive("maxMs", maxMs);
  if (typeof continueAfterDecision !== "boolean") throw invalidType("continueAfterDecision", continueAfterDecision, "true or false");
  let ballots = 0;
  let decided: { value: string; ms: number } | null = null;
  const decisions: string[] = [];
  const log: PaxosOutcome["log"] = [];
  const learned = state.proposers.map(() => false);
  for (let next = nextPaxosPending(state); next && next.time <= maxMs; next = nextPaxosPending(state)) {
    advancePaxos(state);
    if (next.kind === "start") ballots++;
    else {
      const { message } = next;
      log.push({
        time: state.time,
        type: message.body.type,
        from: nodeName(state, message.from),
        to: nodeName(state, message.to),
        ballot: message.body.ballot,
      });
    }
    state.proposers.forEach((p, i) => {
      if (p.phase === "done" && !learned[i]) {
        learned[i] = true;
        decisions.push(p.learned!);
        decided ??= { value: p.learned!, ms: state.time };
      }
    });
    if (decided && !continueAfterDecision) break;
  }
  const outcome = decided as { value: string; ms: number } | null;
  return { decided: outcome !== null, value: outcome?.value ?? "", ms: outcome?.ms ?? maxMs, ballots, messages: state.nextMessageId, decisions, log };
}
