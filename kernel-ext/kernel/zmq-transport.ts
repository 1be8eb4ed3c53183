import { setImmediate, setTimeout } from "node:timers";
import * as zmq from "zeromq";
import { channelUrl, type ConnectionInfo } from "../connection-file";
import { createReplayGuard, createSigner, decodeMessage, encodeMessage, type JupyterMessage, type Signer } from "../wire";
import type { SendChannel, Transport } from "./handler";
import type { ControlThread } from "./control-thread";
import { takeHeapAlarm } from "./heap-alarm";
import { createSocketSender } from "./socket-sender";

/** The kernel's side of the five channels: shell, iopub and stdin here; control and heartbeat in a worker. */
export interface ZmqTransport extends Transport {
  /** Starts delivering decoded, signature-checked requests. Malformed or unsigned ones are logged and dropped. */
  listen(onRequest: (channel: "shell" | "control" | "stdin", message: JupyterMessage) => void): void;
  /** Called once if the process the kernel lives for goes away (see parent-watch.ts). */
  onParentGone(fn: () => void): void;
  /**
   * Called for each interrupt (interrupt_request on control, or the heap guard) once the main
   * thread is free: the control thread also sends SIGINT, which stops a running script, but the
   * kernel's SIGINT watchdog keeps that signal from process listeners (see sigint-watchdog.ts).
   */
  onInterrupt(fn: () => void): void;
  /** Tells the control thread whether a cell's script is running now: only then does an interrupt send SIGINT. */
  cellScript(running: boolean): void;
  close(): Promise<void>;
}

/**
 * Binds the kernel's sockets for a connection file: shell, iopub and stdin here; control and
 * heartbeat are the control thread's, started before (startControlThread in the kernel command).
 */
export async function bindZmqTransport(info: ConnectionInfo, log: (text: string) => void, control: ControlThread): Promise<ZmqTransport> {
  const signer: Signer = createSigner(info.key, info.signature_scheme);
  const { worker, ready: workerReady, runningScript, heapAlarm } = control;
  let scriptsRun = 0;
  const shell = new zmq.Router();
  const stdin = new zmq.Router();
  // A publisher drops messages for a subscriber whose queue is full; with noDrop it waits for room
  // instead, so a busy front end gets every output and status (stream output is batched, so the
  // queue holds few messages). A front end that reads nothing for a minute loses messages, logged.
  const iopub = new zmq.Publisher({ noDrop: true, sendTimeout: 60_000 });
  await Promise.all([shell.bind(channelUrl(info, "shell")), stdin.bind(channelUrl(info, "stdin")), iopub.bind(channelUrl(info, "iopub"))]);
  const senders = { shell: createSocketSender(shell, log), stdin: createSocketSender(stdin, log), iopub: createSocketSender(iopub, log) };
  const replays = createReplayGuard();
  const decode = (frames: Buffer[], channel: string): JupyterMessage | undefined => {
    try {
      const message = decodeMessage(frames, signer);
      // Control messages were checked for replays in the worker.
      if (channel !== "control") replays.check(frames);
      return message;
    } catch (error) {
      log(`dslab kernel: dropped a ${channel} message: ${(error as Error).message}\n`);
      return undefined;
    }
  };
  return {
    send(channel: SendChannel, message: JupyterMessage<unknown>) {
      const frames = encodeMessage(message, signer);
      if (channel === "control") worker.postMessage({ frames });
      else senders[channel](frames);
    },
    iopubBacklog: () => senders.iopub.backlog(),
    heapAlarm: () => takeHeapAlarm(heapAlarm),
    onParentGone(fn) {
      worker.on("message", (message: { parentGone?: boolean }) => message.parentGone && fn());
    },
    cellScript(running) {
      // Each run its own id, so that the control thread can tell this script from the next.
      if (running) scriptsRun = (scriptsRun % 0x7fffffff) + 1;
      Atomics.store(runningScript, 0, running ? scriptsRun : 0);
    },
    onInterrupt(fn) {
      worker.on("message", (message: { interrupt?: boolean }) => message.interrupt && fn());
    },
    async drainShell() {
      // The loop in listen() reads what the socket holds in the event loop's poll phase: a cell
      // that blocked the thread leaves its queued requests there until then. Wait past one full
      // turn (check, timers, poll, check): 1-2 ms before an error reply. Asking the socket (shell.readable) would read its
      // ZMQ_EVENTS, which resets the edge-triggered descriptor the reading loop waits on.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 1));
      await new Promise((resolve) => setImmediate(resolve));
    },
    listen(onRequest) {
      worker.on("message", (message: { frames?: Uint8Array[] }) => {
        if (!message.frames) return;
        const decoded = decode(
          message.frames.map((f) => Buffer.from(f)),
          "control",
        );
        if (decoded) onRequest("control", decoded);
      });
      const read = async (socket: zmq.Router, channel: "shell" | "stdin") => {
        try {
          for await (const frames of socket) {
            const decoded = decode(frames, channel);
            if (decoded) onRequest(channel, decoded);
          }
        } catch {
          // The socket was closed at shutdown.
        }
      };
      void read(shell, "shell");
      void read(stdin, "stdin");
    },
    async close() {
      // What was handed over leaves first (a cell's last output before process.exit, say).
      await Promise.race([Promise.all([senders.shell.settled(), senders.iopub.settled()]), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await Promise.race([workerReady, new Promise((resolve) => setTimeout(resolve, 2000))]);
      const closed = new Promise<void>((resolve) => worker.on("message", (m: { closed?: boolean }) => m.closed && resolve()));
      const ended = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage({ close: true });
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500))]);
      // The control thread ends by itself once its sockets are closed. A process that exits while
      // that thread still runs can abort in zeromq's teardown ("terminate called after throwing an
      // instance of 'Napi::Error'": 1 shutdown in 120 on Node.js 26, with the notebook tests
      // running beside), so it is given a moment to end first.
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
      for (const socket of [shell, stdin, iopub]) socket.close();
    },
  };
}
