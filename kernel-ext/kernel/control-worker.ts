// The control and heartbeat channels, in a worker thread: they must answer while the main
// thread is busy in a cell (a `while (true) {}` included), which is what interrupt is for.
import { parentPort, workerData } from "node:worker_threads";
import * as zmq from "zeromq";
import { createSigner, decodeMessage, encodeMessage, newMessage } from "../wire";
import { parentGone, type ParentWatch } from "./parent-watch";
import { createSocketSender } from "./socket-sender";

interface ControlWorkerData {
  controlUrl: string;
  hbUrl: string;
  key: string;
  scheme: string;
  session: string;
  parent: ParentWatch;
}

/** How often the kernel checks that its parent is still there (ipykernel: every second). */
const PARENT_POLL_MS = 1000;
/** How long the main thread gets to exit by itself once the parent has gone (it may be stuck in a loop). */
const EXIT_GRACE_MS = 3000;

async function main(): Promise<void> {
  const { controlUrl, hbUrl, key, scheme, session, parent } = workerData as ControlWorkerData;
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
  const sendControl = createSocketSender(control);
  parentPort!.on("message", (message: { frames?: Uint8Array[]; close?: boolean }) => {
    if (message.frames) sendControl(message.frames.map((f) => Buffer.from(f)));
    if (message.close) {
      // Closing here, not by terminating the thread, lets zeromq release its sockets cleanly.
      setTimeout(() => {
        control.close();
        hb.close();
        parentPort!.postMessage({ closed: true });
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
    await serveControl(control, signer, session, sendControl);
  } catch {
    // Closed at shutdown.
  }
}

async function serveControl(control: zmq.Router, signer: ReturnType<typeof createSigner>, session: string, sendControl: (frames: Buffer[]) => void): Promise<void> {
  for await (const frames of control) {
    let request;
    try {
      request = decodeMessage(frames, signer);
    } catch (error) {
      process.stderr.write(`dslab kernel: dropped a control message: ${(error as Error).message}\n`);
      continue;
    }
    if (request.header.msg_type === "interrupt_request") {
      // SIGINT breaks a synchronous loop in the main thread (vm's breakOnSigint) and rejects
      // a pending top-level await (the kernel's SIGINT handler).
      process.kill(process.pid, "SIGINT");
      sendControl(encodeMessage(newMessage("interrupt_reply", session, { status: "ok" }, { parent: request }), signer));
      continue;
    }
    parentPort!.postMessage({ frames });
  }
}

void main();
