import { createSimulation, run, schedule } from "../des";
import { createRng, exponential } from "../random";
import { quantile } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkPositive, checkSeed } from "../validate";

/** Options for rpcVsQueue. */
export interface RpcVsQueueOptions {
  /** Requests per second from the producer (Poisson). Defaults to 50. */
  arrivalRate?: number;
  /** Mean service time of the consumer, ms (exponential). Defaults to 15 (capacity ≈ 67/s). */
  serviceMs?: number;
  /** Length of the producer's run, ms. Defaults to 10,000. */
  durationMs?: number;
  /** When the consumer crashes, ms. Defaults to 3,000. */
  crashAtMs?: number;
  /** How long it stays down, ms (0: no crash). Defaults to 2,000. */
  downtimeMs?: number;
  /** How long an RPC caller waits before giving up, ms. Defaults to 1,000. */
  timeoutMs?: number;
  /** Round trip to the consumer or to the broker, ms. Defaults to 2. */
  rttMs?: number;
  /** Backlog samples every this many ms. Defaults to 100. */
  sampleMs?: number;
  /** Seed. Defaults to 1; both modes see the same arrivals and service times. */
  seed?: number;
}

/** The comparison: a summary row per mode and a backlog trace over time. */
export interface RpcVsQueueResult {
  /** One row per mode: completed, failed, wasted work, producer wait, end-to-end latency, largest backlog. */
  summary: Table;
  /** Rows (time_ms, mode, backlog). */
  trace: Table;
}

type Payload = { id: number };

function runMode(mode: "rpc" | "queue", arrivals: Float64Array, services: Float64Array, o: Required<RpcVsQueueOptions>) {
  const sim = createSimulation<Payload>();
  const waiting: number[] = [];
  let serving = -1;
  let up = true;
  const failed = new Uint8Array(arrivals.length);
  const latencies: number[] = [];
  let completed = 0;
  let failures = 0;
  let wasted = 0;
  let producerWait = 0;
  let maxBacklog = 0;
  const trace: { time_ms: number; mode: string; backlog: number }[] = [];
  const backlog = () => waiting.length + (serving >= 0 ? 1 : 0);
  const fail = (id: number) => {
    if (!failed[id]) {
      failed[id] = 1;
      failures++;
    }
  };
  const startNext = () => {
    if (!up || serving >= 0 || waiting.length === 0) return;
    serving = waiting.shift() as number;
    schedule(sim, services[serving], "done", { id: serving });
  };
  arrivals.forEach((t, id) => schedule(sim, t, "arrive", { id }));
  if (o.downtimeMs > 0) {
    schedule(sim, o.crashAtMs, "crash", { id: -1 });
    schedule(sim, o.crashAtMs + o.downtimeMs, "restart", { id: -1 });
  }
  for (let t = 0; t <= o.durationMs + o.downtimeMs + 5000; t += o.sampleMs) schedule(sim, t, "sample", { id: -1 }, 1);
  run(sim, (s, event) => {
    const { id } = event.payload;
    if (event.name === "arrive") {
      if (mode === "queue") {
        // The broker stores the message and acknowledges: the producer waits one round trip.
        producerWait += o.rttMs;
        waiting.push(id);
      } else if (!up) {
        // A call to a crashed consumer fails when the caller's timeout expires.
        producerWait += o.timeoutMs;
        fail(id);
        return;
      } else {
        waiting.push(id);
        schedule(s, o.timeoutMs, "timeout", { id });
      }
      startNext();
    } else if (event.name === "done") {
      if (serving !== id) return; // finished by a consumer that crashed meanwhile
      serving = -1;
      if (mode === "rpc" && failed[id]) wasted++;
      else {
        completed++;
        const latency = s.now - arrivals[id] + o.rttMs;
        latencies.push(latency);
        if (mode === "rpc") producerWait += latency;
      }
      startNext();
    } else if (event.name === "timeout") {
      if (!failed[id] && (serving === id || waiting.includes(id))) {
        producerWait += o.timeoutMs;
        fail(id);
      }
    } else if (event.name === "crash") {
      up = false;
      if (mode === "rpc") {
        // The consumer's in-memory work is gone: its callers will time out.
        if (serving >= 0) waiting.unshift(serving);
        for (const w of waiting.splice(0)) {
          if (failed[w]) continue;
          producerWait += Math.max(0, arrivals[w] + o.timeoutMs - s.now) + (s.now - arrivals[w]);
          fail(w);
        }
      } else if (serving >= 0) waiting.unshift(serving); // unacknowledged: the broker redelivers it
      serving = -1;
    } else if (event.name === "restart") {
      up = true;
      startNext();
    } else if (event.name === "sample") {
      trace.push({ time_ms: s.now, mode: mode === "rpc" ? "RPC" : "message queue", backlog: backlog() });
    }
    maxBacklog = Math.max(maxBacklog, backlog());
  });
  const n = arrivals.length;
  return {
    row: {
      mode: mode === "rpc" ? "RPC" : "message queue",
      requests: n,
      completed,
      failed: failures,
      wasted_work: wasted,
      producer_wait_ms: producerWait / n,
      mean_latency_ms: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
      p99_latency_ms: latencies.length ? quantile(latencies, 0.99) : NaN,
      max_backlog: maxBacklog,
    },
    trace,
  };
}

/**
 * RPC vs a message queue between a producer and a consumer (notes 002, "Protocolos de comunicação";
 * 003, síncrona vs assíncrona), discrete-event. With RPC the producer calls the consumer and waits:
 * calls queue inside the consumer, a caller gives up after its timeout, and while the consumer is down
 * every call fails. With a queue the producer hands each message to a broker and moves on; the
 * consumer takes them in order when it can, and an unacknowledged message is redelivered after a
 * crash: nothing fails, the backlog grows and then drains.
 */
export function rpcVsQueue(options: RpcVsQueueOptions = {}): RpcVsQueueResult {
  const o: Required<RpcVsQueueOptions> = {
    arrivalRate: 50,
    serviceMs: 15,
    durationMs: 10_000,
    crashAtMs: 3000,
    downtimeMs: 2000,
    timeoutMs: 1000,
    rttMs: 2,
    sampleMs: 100,
    seed: 1,
    ...options,
  };
  checkPositive("arrivalRate", o.arrivalRate);
  checkPositive("serviceMs", o.serviceMs);
  checkPositive("durationMs", o.durationMs);
  checkNonNegative("crashAtMs", o.crashAtMs);
  checkNonNegative("downtimeMs", o.downtimeMs);
  checkPositive("timeoutMs", o.timeoutMs);
  checkNonNegative("rttMs", o.rttMs);
  checkPositive("sampleMs", o.sampleMs);
  checkSeed(o.seed);
  const rng = createRng(o.seed);
  const gap = exponential(rng, o.arrivalRate / 1000);
  const times: number[] = [];
  for (let t = gap(); t < o.durationMs; t += gap()) times.push(t);
  checkInteger("requests in the run", times.length, 1, 2_000_000);
  const arrivals = Float64Array.from(times);
  const service = exponential(rng, 1 / o.serviceMs);
  const services = Float64Array.from(times, () => service());
  const rpc = runMode("rpc", arrivals, services, o);
  const queue = runMode("queue", arrivals, services, o);
  return { summary: tableFromRows([rpc.row, queue.row]), trace: tableFromRows([...rpc.trace, ...queue.trace]) };
}
