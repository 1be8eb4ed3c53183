import { handleRequestVote, handleRequestVoteReply, startElection } from "./election-rules";
import { canDeliver, note } from "./network";
import { broadcastAppendEntries, handleAppendEntries, handleAppendEntriesReply } from "./replication-rules";
import type { RaftEvent, RaftMessage, RaftState } from "./types";

/** The next thing to happen: a message arriving, a follower's or candidate's election timeout, or a leader's heartbeat. */
export type PendingEvent =
  | { kind: "deliver"; time: number; message: RaftMessage }
  | { kind: "timeout"; time: number; server: number }
  | { kind: "heartbeat"; time: number; server: number };

/**
 * The earliest pending event, or undefined when nothing is pending. The pending events are the
 * state itself (messages in flight, each server's timer), so a saved state needs no event queue;
 * ties go to messages (by id), then to servers (by id), a fixed order.
 */
export function nextPending(state: RaftState): PendingEvent | undefined {
  // Messages are kept in id order, so the first of equal times is the lowest id.
  let time = Infinity;
  let message = -1;
  let server = -1;
  const messages = state.messages;
  for (let i = 0; i < messages.length; i++) {
    if (messages[i].deliverTime < time) {
      time = messages[i].deliverTime;
      message = i;
    }
  }
  const servers = state.servers;
  for (let i = 0; i < servers.length; i++) {
    const s = servers[i];
    if (!s.up) continue;
    const due = s.role === "leader" ? s.heartbeatDue : s.electionDeadline;
    if (due < time) {
      time = due;
      server = i;
    }
  }
  if (server >= 0) return servers[server].role === "leader" ? { kind: "heartbeat", time, server } : { kind: "timeout", time, server };
  return message >= 0 ? { kind: "deliver", time, message: messages[message] } : undefined;
}

/** Fires one pending event on the state (updating it in place); returns it, or undefined when none is pending. */
export function advance(state: RaftState, log: RaftEvent[] | null = null): PendingEvent | undefined {
  const event = nextPending(state);
  if (!event) return undefined;
  state.time = Math.max(state.time, event.time);
  if (event.kind === "deliver") {
    const message = event.message;
    state.messages.splice(state.messages.indexOf(message), 1);
    const server = state.servers[message.to];
    if (!canDeliver(state, message)) {
      if (log)
        log.push({ time: state.time, kind: "drop", server: message.to, term: server.term, detail: `${message.body.type} from S${message.from + 1} lost` });
      return event;
    }
    const body = message.body;
    switch (body.type) {
      case "RequestVote":
        handleRequestVote(state, server, message.from, body, log);
        break;
      case "RequestVoteReply":
        handleRequestVoteReply(state, server, message.from, body, log);
        break;
      case "AppendEntries":
        handleAppendEntries(state, server, message.from, body, log);
        break;
      case "AppendEntriesReply":
        handleAppendEntriesReply(state, server, message.from, body, log);
        break;
    }
  } else if (event.kind === "timeout") {
    startElection(state, state.servers[event.server], log);
  } else {
    note(log, state, "heartbeat", event.server, "AppendEntries to all");
    broadcastAppendEntries(state, state.servers[event.server]);
  }
  return event;
}

/** Fires every pending event up to and including `time`, then sets the clock to it. */
export function advanceUntil(state: RaftState, time: number, log: RaftEvent[] | null = null): void {
  for (let next = nextPending(state); next && next.time <= time; next = nextPending(state)) advance(state, log);
  state.time = Math.max(state.time, time);
}
