// What `dslab kernel ...` does first: hand the process over to a Node.js started from the
// kernel's snapshot when this Node.js can load it, else say why on stderr and let the kernel
// start here without it. Loads nothing but fs and path, so that a kernel that falls back pays
// nothing for the check. The kernelspec runs this on Windows; on POSIX systems bin/dslab-kernel
// takes the snapshot's path itself when the build's record allows and comes here otherwise.
import { spawn } from "node:child_process";
import { withHugePageMalloc } from "./huge-page-malloc";
import { snapshotUse, type NodeRuntime } from "./snapshot-plan";

type Execve = (file: string, args: string[], env: NodeJS.ProcessEnv) => never;

/**
 * Starts `dslab ARGS` from the snapshot and returns true (the caller then does nothing more),
 * or returns false after one line on stderr saying why the kernel starts without it. With
 * process.execve (Node.js 22.15 and later) the process becomes the snapshot's: same pid, so
 * Jupyter's signals and kills reach the kernel. Older Node.js runs it as a child that gets
 * the signals this process gets and ends when this process ends.
 */
export function launchFromSnapshot(packageRoot: string, args: string[], runtime?: NodeRuntime): boolean {
  const use = snapshotUse(packageRoot, runtime);
  if ("reason" in use) {
    process.stderr.write(`dslab: starting the kernel without its start-up snapshot (${use.reason}); \`npm run build\` makes one for this Node.js\n`);
    return false;
  }
  const argv = [...use.v8Options, "--snapshot-blob", use.blob, ...args];
  const env = withHugePageMalloc(process.env);
  const execve = (process as unknown as { execve?: Execve }).execve;
  if (typeof execve === "function" && process.platform !== "win32") execve(process.execPath, [process.execPath, ...argv], env);
  const child = spawn(process.execPath, argv, { env, stdio: ["inherit", "inherit", "inherit", "ipc"] });
  // Jupyter signals the kernel's process group, so the child may get a signal twice; an
  // interrupt twice is still one interrupt of the running cell.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  // A kernel killed by a signal must look killed by it to whoever started this process
  // (dslab run, jupyter_client report the signal): die of the same signal, with its default action.
  child.on("exit", (code, signal) => {
    if (code !== null || signal === null) process.exit(code ?? 1);
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  });
  return true;
}
