import { randomUUID } from "node:crypto";
import { setKernelApi } from "../api";
import { readConnectionFile } from "../connection-file";
import { cellSourceMaps } from "./cell-source-maps";
import { createCodeRunner } from "./code-runner";
import { KernelHandler } from "./handler";
import { bindZmqTransport } from "./zmq-transport";

/** Starts the kernel for a connection file and serves until a shutdown_request. */
export async function startKernel(connectionFile: string): Promise<void> {
  const info = readConnectionFile(connectionFile);
  const session = randomUUID();
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const log = (text: string) => void writeErr(text);
  const transport = await bindZmqTransport(info, session, log);
  const runner = createCodeRunner(process.cwd());
  const handler = new KernelHandler(runner, transport, {
    session,
    log,
    onShutdown: () => {
      // Let the reply and the idle status leave before the sockets close.
      setTimeout(() => void transport.close().finally(() => process.exit(0)), 50);
    },
  });
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
  process.on("SIGINT", () => runner.interrupt());
  // A timer or promise of a cell that throws after the cell: reported with the cell's lines.
  const stackOf = (error: unknown) => (error instanceof Error && error.stack ? cellSourceMaps.rewriteStack(error.stack) : String(error));
  process.on("uncaughtException", (error) => handler.writeStream("stderr", `Uncaught ${stackOf(error)}\n`) || log(`dslab kernel: uncaught ${stackOf(error)}\n`));
  process.on("unhandledRejection", (reason) => handler.writeStream("stderr", `Unhandled promise rejection: ${stackOf(reason)}\n`) || log(`dslab kernel: unhandled rejection ${stackOf(reason)}\n`));
  transport.listen((channel, message) => void handler.handle(channel, message));
  transport.onParentGone(() => {
    log("dslab kernel: the process that started this kernel has gone; exiting\n");
    void transport.close().finally(() => process.exit(0));
  });
  // Build the TypeScript program while the client connects, so the first cell does not pay for it alone.
  setImmediate(() => runner.warmUp());
}
