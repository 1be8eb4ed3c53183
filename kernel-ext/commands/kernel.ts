import { randomUUID } from "node:crypto";
import { readConnectionFile } from "../connection-file";
import { startControlThread } from "../kernel/control-thread";

/**
 * `dslab kernel --config-path FILE` (also `-f FILE`, as ipykernel accepts): runs the kernel. The
 * control thread, whose heartbeat clients wait for first, starts before the rest of the kernel
 * is loaded (its modules: tens of milliseconds), so that its own start overlaps theirs.
 */
export async function kernelCommand(args: string[]): Promise<number> {
  const at = args.findIndex((a) => a === "--config-path" || a === "-f" || a === "--connection-file");
  const file = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--config-path="))?.slice("--config-path=".length);
  if (!file) throw new Error("usage: dslab kernel --config-path CONNECTION_FILE");
  const info = readConnectionFile(file);
  const session = randomUUID();
  const writeErr = process.stderr.write.bind(process.stderr);
  const control = startControlThread(info, session, (text) => void writeErr(text));
  const { startKernel } = require("../kernel/start-kernel") as typeof import("../kernel/start-kernel.js");
  await startKernel({ info, session, control });
  // Keep the process alive: the sockets' async iterators hold it open until shutdown.
  return new Promise<number>(() => undefined);
}
