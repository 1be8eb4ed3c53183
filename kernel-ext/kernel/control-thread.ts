import { join } from "node:path";
import { setInterval } from "node:timers";
import { Worker } from "node:worker_threads";
import { channelUrl, type ConnectionInfo } from "../connection-file";
import { createHeapAlarm, heapLimitBytes } from "./heap-alarm";
import { parentWatchFor, type ParentWatch } from "./parent-watch";

/** The worker thread that serves the control and heartbeat channels (control-worker.ts), and what the main thread shares with it. */
export interface ControlThread {
  worker: Worker;
  /** Resolves once the worker's sockets are bound (its first message). */
  ready: Promise<void>;
  /** Which cell script runs now (0: none), for the worker's SIGINT. */
  runningScript: Int32Array;
  /** Where the worker's heap guard records that it stopped a cell (heap-alarm.ts). */
  heapAlarm: Int32Array;
}

/**
 * Starts the control thread for a connection file. A worker starts a Node.js environment of its
 * own (~200 ms on a 2-core machine, started from the kernel's snapshot), and clients wait for
 * its heartbeat before their first request: the kernel command starts it first, before it loads
 * the rest of the kernel, and nothing waits for it, so that it starts on another core while the
 * main thread loads the kernel, binds its sockets and builds the TypeScript program. Replies
 * posted to it before it listens wait in its port. A worker that fails (a port taken, most
 * likely) ends the kernel: without control and heartbeat no client can use it.
 */
export function startControlThread(info: ConnectionInfo, session: string, log: (text: string) => void, parent: ParentWatch = parentWatchFor()): ControlThread {
  // The main thread's event loop counts its turns here; the worker sees when it is stuck.
  const liveness = new SharedArrayBuffer(4);
  const turns = new Int32Array(liveness);
  setInterval(() => Atomics.add(turns, 0, 1), 100).unref();
  const cellScripts = new SharedArrayBuffer(4);
  const heapAlarm = createHeapAlarm();
  const worker = new Worker(join(__dirname, "control-worker.js"), {
    workerData: {
      liveness,
      cellScripts,
      heapAlarm: heapAlarm.buffer,
      heapLimitBytes: heapLimitBytes(),
      controlUrl: channelUrl(info, "control"),
      hbUrl: channelUrl(info, "hb"),
      key: info.key,
      scheme: info.signature_scheme,
      session,
      parent,
    },
  });
  const ready = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  worker.once("error", (error) => {
    log(`dslab kernel: the control channel failed: ${error.stack ?? error}\n`);
    process.exit(1);
  });
  // The worker reports its own uncaught errors (on its stderr) and asks to end the kernel.
  worker.on("message", (message: { failed?: boolean }) => message.failed && process.exit(1));
  // The worker keeps running while cells do; it must not keep a finished kernel alive.
  worker.unref();
  return { worker, ready, runningScript: new Int32Array(cellScripts), heapAlarm };
}
