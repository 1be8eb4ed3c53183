import { startKernel } from "../kernel/start-kernel";

/** `dslab kernel --config-path FILE` (also `-f FILE`, as ipykernel accepts): runs the kernel. */
export async function kernelCommand(args: string[]): Promise<number> {
  const at = args.findIndex((a) => a === "--config-path" || a === "-f" || a === "--connection-file");
  const file = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith("--config-path="))?.slice("--config-path=".length);
  if (!file) throw new Error("usage: dslab kernel --config-path CONNECTION_FILE");
  await startKernel(file);
  // Keep the process alive: the sockets' async iterators hold it open until shutdown.
  return new Promise<number>(() => undefined);
}
