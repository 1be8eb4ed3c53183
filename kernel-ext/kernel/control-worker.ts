// The control and heartbeat channels, in a worker thread: they must answer while the main
// thread is busy in a cell (a `while (true) {}` included), which is what interrupt is for.
import { writeSync } from "node:fs";
import { Session } from "node:inspector";
import { parentPort, workerData } from "node:worker_threads";
import * as zmq from "zeromq";
import { createReplayGuard, createSigner, decodeMessage, encodeMessage, newMessage } from "../wire";
import { watchMainThreadHeap } from "./heap-guard";
import { parentGone, type ParentWatch } from "./parent-watch";
import { createSocketSender } from "./socket-sender";

interface ControlWorkerData {
  controlUrl: string;
  hbUrl: string;
  key: string;
  scheme: string;
  session: string;
  parent: ParentWatch;
  /** An Int32 the main thread increments from a timer: it stops moving while the event loop is blocked. */
  liveness: SharedArrayBuffer;
  /** An Int32 the main thread sets while a cell's script runs (a new id each run), else 0. */
  cellScripts: SharedArrayBuffer;
  /** Where the heap guard records that it stopped a cell (heap-guard.ts), and the limit it guards. */
  heapAlarm: SharedArrayBuffer;
  heapLimitBytes: number;
}

/** How often the kernel checks that its parent is still there (ipykernel: every second). */
const PARENT_POLL_MS = 1000;
/** How long the main thread gets to exit by itself once the parent has gone (it may be stuck in a loop). */
const EXIT_GRACE_MS = 3000;
/** How long after an interrupt the main thread's event loop may stay blocked before the kernel ends the cell's microtasks (Node.js 24 and later). */
const TERMINATE_AFTER_MS = 1000;
/** How long after an interrupt the main thread's event loop may stay blocked before the kernel gives up on it. */
const STUCK_AFTER_INTERRUPT_MS = 5000;
/**
 * Whether V8's TerminateExecution can end a loop of microtasks and leave Node.js running. Node.js
 * 20 and 22 abort instead (`Assertion failed: (env_->execution_async_id()) == (0)` in
 * InternalCallbackScope::Close: async hooks are on, as AsyncLocalStorage routes each cell's
 * output); 24 and 26 go on, and the cell's await is rejected as for any interrupt (tested).
 */
const TERMINATE_SURVIVES = Number(process.versions.node.split(".")[0]) >= 24;

/**
 * After SIGINT, if the main thread's event loop has not turned, it is stuck where SIGINT does
 * not reach: a loop of microtasks (`while (true) await null`) never returns to the event loop,
 * so neither the interrupt nor any later request would ever be handled. Where Node.js survives
 * it, the inspector's Runtime.terminateExecution ends the microtasks after TERMINATE_AFTER_MS
 * and the interrupt then ends the cell. Where it does not (or that did not help), the kernel says
 * so on its stderr and ends itself after STUCK_AFTER_INTERRUPT_MS: Jupyter restarts a dead
 * kernel on the same connection (JupyterLab: "The kernel appears to have died. It will restart
 * automatically"), and dslab's client reports it in the cell.
 */
function breakIfStuck(liveness: Int32Array, inspector: Session | undefined): void {
  const before = Atomics.load(liveness, 0);
  if (inspector && TERMINATE_SURVIVES) {
    setTimeout(() => {
      if (Atomics.load(liveness, 0) !== before) return;
      try {
        inspector.post("Runtime.terminateExecution");
      } catch (error) {
        writeSync(2, `dslab kernel: could not end the stuck cell: ${(error as Error).message}\n`);
      }
    }, TERMINATE_AFTER_MS);
  }
  setTimeout(() => {
    if (Atomics.load(liveness, 0) !== before) return;
    // Written directly: a worker's process.stderr goes through the main thread, which is stuck.
    writeSync(
      2,
      `dslab kernel: the cell did not stop within ${STUCK_AFTER_INTERRUPT_MS / 1000} s of the interrupt (on Node.js ${process.versions.node} a loop that never yields to the event loop, such as \`while (true) await null\`, cannot be broken); ending the kernel so that it can be restarted\n`,
    );
    process.kill(process.pid, "SIGTERM");
    // Cell code may have taken SIGTERM over.
    setTimeout(() => process.kill(process.pid, "SIGKILL"), EXIT_GRACE_MS);
  }, STUCK_AFTER_INTERRUPT_MS);
}

/** A session on the main thread's inspector (its requests are served while a cell runs), or none where this Node.js has no inspector. */
function connectToMainThread(): Session | undefined {
  try {
    const session = new Session();
    session.connectToMainThread();
    return session;
  } catch (error) {
    writeSync(2, `dslab kernel: no inspector (${(error as Error).message}): no heap guard, and a stuck cell ends the kernel\n`);
    return undefined;
  }
}

/** How often SIGINT is sent again while the same cell script runs on after an interrupt. */
const SIGINT_AGAIN_MS = 50;

/**
 * An interrupt reaches the kernel's handler as a message once the main thread is free, and
 * rejects a pending top-level await or input(). If a cell's script is running, SIGINT breaks it
 * (vm's breakOnSigint), and is sent again while that same script runs on: a SIGINT that lands as
 * the script starts, before it is watched, is only recorded by the kernel's held watchdog (see
 * sigint-watchdog.ts). No SIGINT otherwise, so none is left over to stop a later cell.
 */
function interruptMainThread(runningScript: Int32Array): void {
  parentPort!.postMessage({ interrupt: true });
  const script = Atomics.load(runningScript, 0);
  if (script === 0) return;
  const stillRunning = () => Atomics.load(runningScript, 0) === script;
  process.kill(process.pid, "SIGINT");
  let sent = 1;
  const again = setInterval(() => {
    if (!stillRunning() || sent * SIGINT_AGAIN_MS > STUCK_AFTER_INTERRUPT_MS) return clearInterval(again);
    process.kill(process.pid, "SIGINT");
    sent++;
  }, SIGINT_AGAIN_MS);
}

/** The session on the main thread's inspector, once connected (see connectToMainThread). */
let inspector: Session | undefined;

/** Disconnects the inspector session before this thread ends: a connected one makes the process wait at exit ("Waiting for the debugger to disconnect"). */
function disconnectInspector(): void {
  inspector?.disconnect();
  inspector = undefined;
}

/**
 * An error this thread does not catch is reported here and ends the kernel, as a failed control
 * channel does. Not left to Node.js: it would serialize the error for the main thread with
 * node:v8, which a worker of a kernel started from its snapshot cannot load on Node.js 24 (the
 * process aborts: `Assertion failed: shutdown_wrap_template_.IsEmpty()`; see snapshot-entry.ts).
 */
function reportUncaught(error: unknown): void {
  writeSync(2, `dslab kernel: the control thread failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  disconnectInspector();
  parentPort?.postMessage({ failed: true });
}
process.on("uncaughtException", reportUncaught);
process.on("unhandledRejection", reportUncaught);

async function main(): Promise<void> {
  const { controlUrl, hbUrl, key, scheme, session, parent, liveness, cellScripts, heapAlarm, heapLimitBytes } = workerData as ControlWorkerData;
  const loopTurns = new Int32Array(liveness);
  inspector = connectToMainThread();
  // The heap guard stops the running cell as an interrupt does; the main thread reads the alarm to say why.
  const runningScript = new Int32Array(cellScripts);
  const interrupt = () => interruptMainThread(runningScript);
  const heapWatch = inspector && watchMainThreadHeap({ inspector, limitBytes: heapLimitBytes, alarm: new Int32Array(heapAlarm), interrupt });
  // Watched here, not in the main thread: a cell in `while (true) {}` must not keep an orphan alive.
  const poll = setInterval(() => {
    if (!parentGone(parent)) return;
    clearInterval(poll);
    parentPort!.postMessage({ parentGone: true });
    setTimeout(() => process.kill(process.pid, "SIGKILL"), EXIT_GRACE_MS);
  }, PARENT_POLL_MS);
  const signer = createSigner(key, scheme);
  const control = new zmq.Router();
  const hb = new zmq.Reply();
  await control.bind(controlUrl);
  await hb.bind(hbUrl);
  const sendControl = createSocketSender(control, (text) => writeSync(2, text));
  parentPort!.on("message", (message: { frames?: Uint8Array[]; close?: boolean }) => {
    if (message.frames) sendControl(message.frames.map((f) => Buffer.from(f)));
    if (message.close) {
      // Closing here, not by terminating the thread, lets zeromq release its sockets cleanly;
      // then nothing keeps this thread's event loop going, and the thread ends by itself.
      setTimeout(() => {
        heapWatch?.stop();
        disconnectInspector();
        clearInterval(poll);
        control.close();
        hb.close();
        parentPort!.postMessage({ closed: true });
        parentPort!.unref();
      }, 20);
    }
  });
  parentPort!.postMessage({ ready: true });
  void (async () => {
    try {
      for await (const frames of hb) await hb.send(frames);
    } catch {
      // Closed at shutdown.
    }
  })();
  try {
    await serveControl(control, signer, session, sendControl, (): void => {
      interrupt();
      breakIfStuck(loopTurns, inspector);
    });
  } catch {
    // Closed at shutdown.
  }
}

async function serveControl(
  control: zmq.Router,
  signer: ReturnType<typeof createSigner>,
  session: string,
  sendControl: (frames: Buffer[]) => void,
  interrupt: () => void,
): Promise<void> {
  const replays = createReplayGuard();
  for await (const frames of control) {
    let request: ReturnType<typeof decodeMessage>;
    try {
      request = decodeMessage(frames, signer);
      replays.check(frames);
    } catch (error) {
      // To the kernel's own stderr, directly: a worker's process.stderr goes through the main
      // thread, where it would land in the running cell's output (anyone able to reach the port
      // could write into a user's notebook that way).
      writeSync(2, `dslab kernel: dropped a control message: ${(error as Error).message}\n`);
      continue;
    }
    if (request.header.msg_type === "interrupt_request") {
      interrupt();
      sendControl(encodeMessage(newMessage("interrupt_reply", session, { status: "ok" }, { parent: request }), signer));
      continue;
    }
    parentPort!.postMessage({ frames });
  }
}

void main();
