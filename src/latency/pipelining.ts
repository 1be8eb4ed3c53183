import { createSimulation, run, schedule } from "../des";
import { createRng } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray } from "../validate";
import { workload, workloadSamplers, type Workload } from "./workload";

/** Options for pipelining. */
export interface PipeliningOptions {
  /** Requests to complete. Defaults to 200. */
  messages?: number;
  /** Requests in flight at once (window sizes to try). Defaults to 1, 2, 4, 8, 16, 32, 64. */
  windows?: readonly number[];
}

type Event = { request: number };

/**
 * Asynchronous pipelining: a client keeps up to k requests in flight to one server that
 * serves them one at a time (FIFO). k = 1 is stop-and-wait (≈ M·(RTT + S)); a large k
 * overlaps the round trips and approaches M·S + RTT. A discrete-event simulation; one row per k,
 * with the closed-form bound max(M·S̄ + RTT, ⌈M/k⌉·RTT) beside it.
 */
export function pipelining(options: PipeliningOptions & Partial<Workload> = {}): Table {
  const { messages = 200, windows = [1, 2, 4, 8, 16, 32, 64], ...rest } = options;
  checkInteger("messages", messages, 1, 1_000_000);
  checkNonEmptyArray("windows", windows).forEach((k, i) => checkInteger(`windows[${i}]`, k, 1));
  const w = workload(rest);
  const rows = [];
  for (const k of windows) {
    const { service } = workloadSamplers(w, createRng(w.seed));
    const serviceTimes = Float64Array.from({ length: messages }, () => service());
    const meanService = serviceTimes.reduce((a, b) => a + b, 0) / messages;
    const sim = createSimulation<Event>();
    let sent = 0;
    let done = 0;
    let serverFreeAt = 0;
    const send = () => {
      schedule(sim, w.rttMs / 2, "arrive", { request: sent++ });
    };
    for (let i = 0; i < Math.min(k, messages); i++) send();
    run(sim, (s, event) => {
      if (event.name === "arrive") {
        // FIFO server: starts when free, replies after service, reply travels half an RTT.
        const start = Math.max(s.now, serverFreeAt);
        serverFreeAt = start + serviceTimes[event.payload.request];
        schedule(s, serverFreeAt - s.now + w.rttMs / 2, "reply", event.payload);
      } else {
        done++;
        if (sent < messages) send();
      }
    });
    rows.push({
      window: k,
      messages,
      completion_ms: sim.now,
      throughput_per_s: (done / sim.now) * 1000,
      bound_ms: Math.max(messages * meanService + w.rttMs, Math.ceil(messages / k) * w.rttMs),
      stop_and_wait_ms: messages * (w.rttMs + meanService),
    });
  }
  return tableFromRows(rows);
}
