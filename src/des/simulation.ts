import FlatQueue from "flatqueue";
import { checkNonNegative, checkNumber } from "../validate";

/** One scheduled event. Simultaneous events fire by priority (lower first), then in insertion order. */
export interface SimEvent<P = unknown> {
  /** Simulated time at which the event fires. */
  time: number;
  /** Tie-breaker among events at the same time: lower fires first. */
  priority: number;
  /** Insertion number, the last tie-breaker, so the order is total and deterministic. */
  serial: number;
  /** What happens, for traces and dispatch. */
  name: string;
  /** Data the handler needs. */
  payload: P;
}

/** A discrete-event simulation: a clock and a queue of pending events. */
export interface Simulation<P = unknown> {
  /** Current simulated time. */
  now: number;
  /** Events fired so far. */
  fired: number;
  readonly future: FlatQueue<number>;
  readonly events: Map<number, SimEvent<P>>;
  /** Events at the current time, sorted by (priority, serial). */
  readonly ready: SimEvent<P>[];
  nextSerial: number;
}

/** Creates an empty simulation at time 0. */
export function createSimulation<P = unknown>(): Simulation<P> {
  return { now: 0, fired: 0, future: new FlatQueue<number>(), events: new Map(), ready: [], nextSerial: 0 };
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.serial < b.serial);
}

/** Schedules an event `delay` time units from now. Returns the event. */
export function schedule<P>(sim: Simulation<P>, delay: number, name: string, payload: P, priority = 0): SimEvent<P> {
  checkNonNegative("delay", delay);
  checkNumber("priority", priority);
  const event: SimEvent<P> = { time: sim.now + delay, priority, serial: sim.nextSerial++, name, payload };
  if (event.time === sim.now && sim.ready.length > 0) {
    // Same instant as the batch being fired: insert in order rather than queue behind it.
    let i = sim.ready.length;
    while (i > 0 && before(event, sim.ready[i - 1])) i--;
    sim.ready.splice(i, 0, event);
  } else {
    sim.events.set(event.serial, event);
    sim.future.push(event.serial, event.time);
  }
  return event;
}

/** Removes and returns the next event, advancing the clock to its time; undefined when none is left. */
export function nextEvent<P>(sim: Simulation<P>): SimEvent<P> | undefined {
  if (sim.ready.length === 0) {
    if (sim.future.length === 0) return undefined;
    const time = sim.future.peekValue() as number;
    while (sim.future.length > 0 && sim.future.peekValue() === time) {
      const serial = sim.future.pop() as number;
      sim.ready.push(sim.events.get(serial) as SimEvent<P>);
      sim.events.delete(serial);
    }
    sim.ready.sort((a, b) => a.priority - b.priority || a.serial - b.serial);
  }
  const event = sim.ready.shift() as SimEvent<P>;
  sim.now = event.time;
  sim.fired++;
  return event;
}

/** Options for {@link run}. */
export interface RunOptions {
  /** Stop before the first event later than this time. Defaults to Infinity. */
  until?: number;
  /** Stop after this many events, a guard against runaway models. Defaults to 10,000,000. */
  maxEvents?: number;
}

/** Fires events in order through `handle` until the queue empties or a limit is reached. */
export function run<P>(sim: Simulation<P>, handle: (sim: Simulation<P>, event: SimEvent<P>) => void, options: RunOptions = {}): void {
  const { until = Infinity, maxEvents = 10_000_000 } = options;
  for (let count = 0; count < maxEvents; count++) {
    const upcoming = sim.ready.length > 0 ? sim.now : sim.future.length > 0 ? (sim.future.peekValue() as number) : Infinity;
    if (upcoming === Infinity || upcoming > until) return;
    handle(sim, nextEvent(sim) as SimEvent<P>);
  }
}
