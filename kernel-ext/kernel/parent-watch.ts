import { readFileSync } from "node:fs";

/** Which process a kernel lives for. */
export interface ParentWatch {
  /** The process whose end ends the kernel: JPY_PARENT_PID as Jupyter's launchers set it, else the parent. */
  pid: number;
  /** The kernel's parent when it started; a different one later means the parent has gone (reparented). */
  initialParent: number;
}

/** What to watch, from the kernel's environment and its parent at start. */
export function parentWatchFor(env: NodeJS.ProcessEnv = process.env, ppid: number = process.ppid): ParentWatch {
  const fromEnv = Number(env.JPY_PARENT_PID);
  return { pid: Number.isInteger(fromEnv) && fromEnv > 1 ? fromEnv : ppid, initialParent: ppid };
}

/** The kernel's current parent pid, read from /proc where there is one (process.ppid does not change in Node.js). */
function currentParent(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** Whether a process exists (a zombie counts as existing; a permission error means it exists). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the process the kernel lives for has gone: it no longer exists, or (when it is the
 * kernel's own parent) the kernel has been handed to another parent. As ipykernel's parent
 * poller, so that a kernel does not outlive the front end or command that started it.
 */
export function parentGone(
  watch: ParentWatch,
  probe: { alive: (pid: number) => boolean; parent: () => number | undefined } = { alive, parent: currentParent },
): boolean {
  if (watch.pid <= 1) return false;
  if (!probe.alive(watch.pid)) return true;
  if (watch.pid !== watch.initialParent) return false;
  const now = probe.parent();
  return now !== undefined && now !== watch.initialParent;
}
