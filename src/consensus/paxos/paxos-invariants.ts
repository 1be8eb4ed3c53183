import { majority } from "../raft/network";
import { nodeName } from "./paxos-rules";
import type { BallotValue, PaxosState } from "./types";

/** What a run has shown so far: every value proposers held, each ballot's value and acceptors, the ballots a majority accepted. */
export interface PaxosSafetyRecord {
  proposed: Set<string>;
  ballots: Map<number, { value: string; acceptors: Set<number> }>;
  chosen: BallotValue[];
}

/** An empty record, to pass to {@link checkPaxosSafety} after every step of a run. */
export function createPaxosSafetyRecord(): PaxosSafetyRecord {
  return { proposed: new Set(), ballots: new Map(), chosen: [] };
}

/**
 * Checks single-decree Paxos's safety (Lamport 2001, Sec. 2.1-2.2) on a state, updating the record of
 * the run; returns the violations found (empty when all hold): Agreement (at most one value is
 * chosen, over the whole run), Validity (a chosen value is one a proposer proposed), learning (a
 * proposer learns only the chosen value), P2c (once v is chosen in ballot b, every Accept of a
 * higher ballot, in flight or accepted, carries v), one value per ballot, and promises kept (no
 * acceptor accepted a ballot below its promise).
 */
export function checkPaxosSafety(state: PaxosState, record: PaxosSafetyRecord): string[] {
  const problems: string[] = [];
  for (const p of state.proposers) record.proposed.add(p.value);
  for (const a of state.acceptors) {
    if (!a.accepted) continue;
    const { ballot, value } = a.accepted;
    if (ballot > a.promised) problems.push(`promise kept: ${nodeName(state, a.id)} accepted ballot ${ballot} above its promise ${a.promised}`);
    let seen = record.ballots.get(ballot);
    if (!seen) {
      seen = { value, acceptors: new Set() };
      record.ballots.set(ballot, seen);
    } else if (seen.value !== value) problems.push(`one value per ballot: ballot ${ballot} carried ${seen.value} and ${value}`);
    seen.acceptors.add(a.id);
    if (seen.acceptors.size >= majority(state.acceptors.length) && !record.chosen.some((c) => c.ballot === ballot)) record.chosen.push({ ballot, value });
  }
  const [first] = record.chosen;
  for (const c of record.chosen) {
    if (c.value !== first.value) problems.push(`Agreement: ${first.value} was chosen in ballot ${first.ballot} and ${c.value} in ballot ${c.ballot}`);
    if (!record.proposed.has(c.value)) problems.push(`Validity: ${c.value} was chosen but no proposer proposed it`);
  }
  if (state.chosen && first && state.chosen.value !== first.value)
    problems.push(`Agreement: the run reports ${state.chosen.value} chosen, the acceptors show ${first.value}`);
  for (const p of state.proposers) {
    if (p.learned !== null && p.learned !== first?.value)
      problems.push(`learning: ${nodeName(state, p.id)} learned ${p.learned} while ${first ? `${first.value} was chosen` : "nothing was chosen"}`);
  }
  if (first) {
    const low = Math.min(...record.chosen.map((c) => c.ballot));
    for (const m of state.messages) {
      if (m.body.type === "Accept" && m.body.ballot > low && m.body.value !== first.value)
        problems.push(`P2c: Accept(${m.body.ballot}, ${m.body.value}) in flight after ${first.value} was chosen in ballot ${low}`);
    }
    for (const a of state.acceptors) {
      if (a.accepted && a.accepted.ballot > low && a.accepted.value !== first.value)
        problems.push(
          `P2c: ${nodeName(state, a.id)} accepted ${a.accepted.value} in ballot ${a.accepted.ballot} after ${first.value} was chosen in ballot ${low}`,
        );
    }
  }
  return problems;
}
