import { createRng } from "../random";
import { checkInteger, checkNumber, checkPositive, checkSeed } from "../validate";

/** One event of a process: local, the send of a message, or its receipt. */
export interface ProcessEvent {
  /** Index in the execution (events are listed in real-time order). */
  id: number;
  /** Process the event happens at. */
  process: number;
  /** Real time of the event (what an outside observer would see; processes cannot read it). */
  time: number;
  kind: "local" | "send" | "receive";
  /** For sends and receives: the message. */
  message?: number;
}

/** A message between two processes. */
export interface Message {
  id: number;
  from: number;
  to: number;
  /** The send event's id. */
  send: number;
  /** The receive event's id. */
  receive: number;
}

/** An execution: processes, their events in real-time order, and the messages between them. */
export interface Execution {
  processes: number;
  events: ProcessEvent[];
  messages: Message[];
}

/** Options for randomExecution. */
export interface RandomExecutionOptions {
  /** Processes. Defaults to 3. */
  processes?: number;
  /** Events each process starts (local or send); receives come on top. Defaults to 4. */
  eventsPerProcess?: number;
  /** Probability that a started event is a send (to a random other process). Defaults to 0.5. */
  sendProbability?: number;
  /** Largest message delay, in units of the mean time between a process's events. Defaults to 2. */
  maxDelay?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * A random asynchronous execution for a space-time diagram: each process starts events at random
 * times; a send delivers its message after a delay uniform in (0, maxDelay], which creates the
 * receive event at the destination. Longer delays make messages cross, so more events are concurrent.
 */
export function randomExecution({
  processes = 3,
  eventsPerProcess = 4,
  sendProbability = 0.5,
  maxDelay = 2,
  seed = 1,
}: RandomExecutionOptions = {}): Execution {
  checkInteger("processes", processes, 2, 26);
  checkInteger("eventsPerProcess", eventsPerProcess, 1, 1000);
  checkNumber("sendProbability", sendProbability, { min: 0, max: 1 });
  checkPositive("maxDelay", maxDelay);
  checkSeed(seed);
  const rng = createRng(seed);
  const raw: { process: number; time: number; kind: ProcessEvent["kind"]; message?: number }[] = [];
  const sends: { from: number; to: number; at: number; arrive: number }[] = [];
  for (let p = 0; p < processes; p++) {
    let t = 0;
    for (let e = 0; e < eventsPerProcess; e++) {
      t += 0.5 + rng.random();
      if (rng.random() < sendProbability) {
        let to = rng.int(processes - 1);
        if (to >= p) to++;
        const m = sends.length;
        sends.push({ from: p, to, at: t, arrive: t + maxDelay * (1 - rng.random()) });
        raw.push({ process: p, time: t, kind: "send", message: m });
      } else raw.push({ process: p, time: t, kind: "local" });
    }
  }
  sends.forEach((s, m) => raw.push({ process: s.to, time: s.arrive, kind: "receive", message: m }));
  // Real-time order; at equal times a send before a receive keeps causality.
  raw.sort((a, b) => a.time - b.time || (a.kind === "receive" ? 1 : 0) - (b.kind === "receive" ? 1 : 0));
  // Number the messages in the order they are sent.
  const order = new Map<number, number>();
  for (const e of raw) if (e.kind === "send") order.set(e.message!, order.size);
  const events: ProcessEvent[] = raw.map((e, id) => (e.message === undefined ? { id, ...e } : { id, ...e, message: order.get(e.message)! }));
  const messages: Message[] = new Array(sends.length);
  for (const e of events) {
    if (e.kind === "local") continue;
    const m = e.message!;
    messages[m] ??= { id: m, from: -1, to: -1, send: -1, receive: -1 };
    if (e.kind === "send") Object.assign(messages[m], { from: e.process, send: e.id });
    else Object.assign(messages[m], { to: e.process, receive: e.id });
  }
  return { processes, events, messages };
}
