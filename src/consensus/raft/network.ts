import { uniformDraw } from "./random-draw";
import type { RaftBody, RaftEvent, RaftMessage, RaftState } from "./types";

/** Smallest number of servers that is a majority of n. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** Puts a message in flight from one server to another, with a delay drawn from the state's range. */
export function send(state: RaftState, from: number, to: number, body: RaftBody): RaftMessage {
  const delay = uniformDraw(state, state.timing.delayMs);
  const message: RaftMessage = { id: state.nextMessageId++, from, to, sendTime: state.time, deliverTime: state.time + delay, body };
  state.messages.push(message);
  return message;
}

/** Whether a message reaches its receiver now: the receiver runs and sits on the sender's side of any partition. */
export function canDeliver(state: RaftState, message: RaftMessage): boolean {
  return state.servers[message.to].up && state.partition[message.to] === state.partition[message.from];
}

/** Appends an event to a log when one is kept (experiments run without one). */
export function note(log: RaftEvent[] | null, state: RaftState, kind: string, server: number, detail: string): void {
  if (log) log.push({ time: state.time, kind, server, term: state.servers[server].term, detail });
}
