import { createSimulation, run, schedule } from "../des";
import { createRng, exponential } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkPositive, checkSeed } from "../validate";

/** Options for senderModes. */
export interface SenderModesOptions {
  /** Message arrival rates at the sender swept, per second (Poisson). Defaults to 10, 20, …, 150. */
  arrivalRates?: readonly number[];
  /** Mean service time at the receiver, ms (exponential). Defaults to 10. */
  serviceMs?: number;
  /** One-way network delay, ms. Defaults to 5. */
  oneWayMs?: number;
  /** Messages per run. Defaults to 4,000. */
  messages?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

interface Outcome {
  throughput: number;
  blocked: number;
  receiverQueue: number;
  senderBacklog: number;
  latency: number;
}

type Event = { id: number };

/**
 * One run of a sender and a receiver joined by a network: asynchronous (send and carry on; the
 * receiver queues) or synchronous (send, block until the reply; messages that arrive meanwhile wait
 * in the sender's outbox). Time averages are over the run, from first arrival to last completion.
 */
function runSender(synchronous: boolean, rate: number, serviceMs: number, oneWayMs: number, messages: number, seed: number): Outcome {
  const rng = createRng(seed);
  const gap = exponential(rng, rate / 1000);
  const service = exponential(rng, 1 / serviceMs);
  const sim = createSimulation<Event>();
  const arrivedAt = new Float64Array(messages);
  const outbox: number[] = [];
  const inbox: number[] = [];
  let senderBusy = false;
  let receiverBusy = false;
  let blockedSince = 0;
  let blocked = 0;
  let done = 0;
  let latency = 0;
  // Time integrals of the receiver's and the sender's backlog (number waiting or in service).
  let areaReceiver = 0;
  let areaSender = 0;
  let lastChange = 0;
  const account = () => {
    areaReceiver += (inbox.length + (receiverBusy ? 1 : 0)) * (sim.now - lastChange);
    areaSender += outbox.length * (sim.now - lastChange);
    lastChange = sim.now;
  };
  const send = (id: number) => {
    schedule(sim, oneWayMs, "receive", { id });
    if (synchronous) {
      senderBusy = true;
      blockedSince = sim.now;
    }
  };
  const startService = (id: number) => {
    receiverBusy = true;
    schedule(sim, service(), "done", { id });
  };
  schedule(sim, gap(), "arrive", { id: 0 });
  run(sim, (s, event) => {
    account();
    const { id } = event.payload;
    if (event.name === "arrive") {
      arrivedAt[id] = s.now;
      if (id + 1 < messages) schedule(s, gap(), "arrive", { id: id + 1 });
      if (synchronous && senderBusy) outbox.push(id);
      else send(id);
    } else if (event.name === "receive") {
      if (receiverBusy) inbox.push(id);
      else startService(id);
    } else if (event.name === "done") {
      receiverBusy = false;
      done++;
      latency += s.now - arrivedAt[id];
      if (inbox.length > 0) startService(inbox.shift() as number);
      if (synchronous) schedule(s, oneWayMs, "reply", { id });
    } else if (event.name === "reply") {
      senderBusy = false;
      blocked += s.now - blockedSince;
      if (outbox.length > 0) send(outbox.shift() as number);
    }
  });
  const span = sim.now;
  return {
    throughput: (1000 * done) / span,
    blocked: blocked / span,
    receiverQueue: areaReceiver / span,
    senderBacklog: areaSender / span,
    latency: latency / done,
  };
}

/**
 * Synchronous vs asynchronous sender (notes 003, "Métodos de comunicação"), discrete-event. One row
 * per (mode, arrival rate): throughput, fraction of time the sender is blocked, mean number of
 * messages at the receiver and in the sender's outbox, and mean latency from arrival at the sender to
 * the end of processing; beside the queueing closed forms where they apply: the asynchronous
 * receiver is an M/M/1 queue (L = ρ/(1 − ρ), ρ = λS < 1); the synchronous sender is an M/G/1 server
 * whose service is a whole round trip B = 2d + S (Pollaczek–Khinchine), so its throughput stops at 1/E[B].
 */
export function senderModes({
  arrivalRates = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150],
  serviceMs = 10,
  oneWayMs = 5,
  messages = 4000,
  seed = 1,
}: SenderModesOptions = {}): Table {
  checkNonEmptyArray("arrivalRates", arrivalRates);
  for (const r of arrivalRates) checkPositive("arrival rate", r);
  checkPositive("serviceMs", serviceMs);
  checkNonNegative("oneWayMs", oneWayMs);
  checkInteger("messages", messages, 10, 10_000_000);
  checkSeed(seed);
  const rows = [];
  const b1 = 2 * oneWayMs + serviceMs;
  const b2 = (2 * oneWayMs) ** 2 + 4 * oneWayMs * serviceMs + 2 * serviceMs ** 2;
  for (const rate of arrivalRates) {
    const lambda = rate / 1000;
    for (const synchronous of [false, true]) {
      const o = runSender(synchronous, rate, serviceMs, oneWayMs, messages, seed);
      const rho = synchronous ? lambda * b1 : lambda * serviceMs;
      const stable = rho < 1;
      rows.push({
        mode: synchronous ? "synchronous" : "asynchronous",
        arrival_rate: rate,
        throughput: o.throughput,
        throughput_closed_form: Math.min(rate, 1000 / (synchronous ? b1 : serviceMs)),
        blocked_fraction: o.blocked,
        blocked_closed_form: synchronous ? Math.min(1, rho) : 0,
        receiver_queue: o.receiverQueue,
        receiver_queue_closed_form: synchronous ? (stable ? lambda * serviceMs : serviceMs / b1) : stable ? rho / (1 - rho) : NaN,
        sender_backlog: o.senderBacklog,
        sender_backlog_closed_form: synchronous ? (stable ? (lambda * lambda * b2) / (2 * (1 - rho)) : NaN) : 0,
        latency_ms: o.latency,
        latency_closed_form_ms: synchronous
          ? stable
            ? (lambda * b2) / (2 * (1 - rho)) + b1 - oneWayMs
            : NaN
          : stable
            ? oneWayMs + serviceMs / (1 - rho)
            : NaN,
      });
    }
  }
  return tableFromRows(rows);
}
