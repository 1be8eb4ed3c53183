import { setImmediate, setInterval, setTimeout } from "node:timers";
import { setKernelApi } from "../api";
import type { ConnectionInfo } from "../connection-file";
import { cellSourceMaps } from "./cell-source-maps";
import { installCancellableTimers } from "./cell-timers";
import { createCodeRunner } from "./code-runner";
import type { ControlThread } from "./control-thread";
import { KernelHandler } from "./handler";
import { holdSigintWatchdog } from "./sigint-watchdog";
import { bindZmqTransport } from "./zmq-transport";

/** How often a SIGINT that arrived outside a cell's script is looked for (see sigint-watchdog.ts). */
const PENDING_SIGINT_POLL_MS = 100;

/** What the kernel command starts before it loads the kernel (see commands/kernel.ts). */
export interface EarlyStart {
  info: ConnectionInfo;
  session: string;
  control: ControlThread;
}

/** Starts the kernel on the connection and control thread the kernel command made, and serves until a shutdown_request. */
export async function startKernel({ info, session, control }: EarlyStart): Promise<void> {
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const log = (text: string) => void writeErr(text);
  const transport = await bindZmqTransport(info, log, control);
  const sigint = holdSigintWatchdog();
  const runner = createCodeRunner(process.cwd(), { onScript: (running) => transport.cellScript(running) });
  const realExit = process.exit.bind(process) as (code?: number) => never;
  let exiting = false;
  /** Ends the kernel with `code` once what was sent has left and the sockets are closed. */
  const exitKernel = (code: number, delayMs = 0) => {
    if (exiting) return;
    exiting = true;
    handler.close();
    setTimeout(() => void transport.close().finally(() => realExit(code)), delayMs);
  };
  const handler: KernelHandler = new KernelHandler(runner, transport, {
    session,
    log,
    timers: installCancellableTimers(() => handler.output.scoped()?.header.msg_id),
    // Let the reply and the idle status leave before the sockets close.
    onShutdown: () => exitKernel(0, 50),
  });
  // process.exit from a cell: Node.js exiting with zeromq's sockets open aborts the process
  // (SIGABRT, "terminate called after throwing an instance of 'Napi::Error'"). Close them first,
  // then exit with the code given. A cell stops here (an exception it cannot usefully catch:
  // the kernel exits either way) and nothing more is sent for it; the kernel's own code, outside
  // any cell (a failed control channel), just lets the kernel close.
  process.exit = ((code?: number | string | null) => {
    const status = Number(code ?? process.exitCode ?? 0);
    exitKernel(Number.isInteger(status) ? status : 1);
    if (handler.output.scoped()) throw new KernelExit(status);
    return undefined as never;
  }) as typeof process.exit;
  setKernelApi(handler.api());
  // Cell output goes to iopub under the request that produced it; anything else (the kernel's
  // own start-up, a late timer with no request) stays on the process's streams.
  const redirect = (name: "stdout" | "stderr", original: typeof writeOut) =>
    ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), callback?: (err?: Error | null) => void) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (handler.writeStream(name, text)) {
        const done = typeof encoding === "function" ? encoding : callback;
        done?.();
        return true;
      }
      return original(chunk as string, encoding as BufferEncoding, callback);
    }) as typeof process.stdout.write;
  process.stdout.write = redirect("stdout", writeOut);
  process.stderr.write = redirect("stderr", writeErr);
  // Interrupts come from the control thread as messages (with a SIGINT into a running script).
  // A SIGINT from elsewhere (a terminal's Ctrl-C) stops a running script too; otherwise, with
  // the watchdog held, it is only recorded, and is picked up here.
  transport.onInterrupt(() => handler.interrupt());
  if (sigint) setInterval(() => sigint.takePending() && handler.interrupt(), PENDING_SIGINT_POLL_MS).unref();
  else process.on("SIGINT", () => handler.interrupt());
  // A timer or promise of a cell that throws after the cell: reported with the cell's lines.
  const stackOf = (error: unknown) => (error instanceof Error && error.stack ? cellSourceMaps.rewriteStack(error.stack) : String(error));
  process.on(
    "uncaughtException",
    (error) => handler.writeStream("stderr", `Uncaught ${stackOf(error)}\n`) || log(`dslab kernel: uncaught ${stackOf(error)}\n`),
  );
  process.on(
    "unhandledRejection",
    (reason) =>
      handler.writeStream("stderr", `Unhandled promise rejection: ${stackOf(reason)}\n`) || log(`dslab kernel: unhandled rejection ${stackOf(reason)}\n`),
  );
  transport.listen((channel, message) => void handler.handle(channel, message));
  transport.onParentGone(() => {
    log("dslab kernel: the process that started this kernel has gone; exiting\n");
    exitKernel(0);
  });
  // Build the TypeScript program while the client connects, so the first cell does not pay for it alone.
  setImmediate(() => runner.warmUp());
}

/** Thrown by process.exit in a cell to stop it while the kernel closes its sockets and exits. */
class KernelExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code}): the kernel is exiting`);
    this.name = "KernelExit";
  }
}
