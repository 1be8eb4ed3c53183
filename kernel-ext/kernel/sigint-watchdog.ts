// An interrupt stops a cell's synchronous loop through vm's breakOnSigint: while the cell's
// script runs, Node.js's SIGINT watchdog terminates it on SIGINT. Node.js starts the watchdog's
// thread when such a script starts and joins it when the script ends, unless a watchdog is
// already started. That is a thread created and joined for every cell: 0.1 ms on an idle
// machine, and on a busy one (GC threads on both cores) ~1 ms a cell on average, as the join
// waits for the thread to be scheduled; a fifth of a new cell's time (bench/kernel-cells.ts).
// A kernel holds one watchdog started for its whole life instead, so a cell's script only
// registers with the running thread.
//
// While held, SIGINT goes to the watchdog's thread, not to process.on("SIGINT") listeners:
// outside a script it is only recorded (takePending). The kernel's interrupts therefore also
// reach the main thread as a message from the control thread; SIGINT is for the running script.

/** Node.js's watchdog functions (internalBinding("contextify"), reachable through process.binding on Node.js 20 to 26). */
interface WatchdogBinding {
  /** Starts it (its thread unless already started); true once started. */
  startSigintWatchdog(): boolean;
  /** Undoes one start; returns whether a SIGINT arrived while no script was watching, and forgets it. */
  stopSigintWatchdog(): boolean;
}

/** A SIGINT watchdog started for the kernel's life. */
export interface SigintHold {
  /** Whether a SIGINT arrived while no script was running since the last call (it stopped nothing). */
  takePending(): boolean;
}

function watchdogBinding(): WatchdogBinding | undefined {
  // Windows' watchdog is a console handler, not a thread: nothing to save there.
  if (process.platform === "win32") return undefined;
  const binding = (process as unknown as { binding?: (name: string) => unknown }).binding;
  if (typeof binding !== "function") return undefined;
  // process.binding is deprecated (DEP0111, a warning only under --pending-deprecation); this
  // use is checked for and falls back to Node.js's own per-script watchdog where it is gone.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const contextify = binding.call(process, "contextify") as Partial<WatchdogBinding>;
    return typeof contextify.startSigintWatchdog === "function" && typeof contextify.stopSigintWatchdog === "function"
      ? (contextify as WatchdogBinding)
      : undefined;
  } catch {
    return undefined;
  } finally {
    process.noDeprecation = quiet;
  }
}

/**
 * Starts a SIGINT watchdog and keeps it started, or returns undefined where this Node.js does not
 * offer it (cells then pay for the watchdog's thread, as before).
 *
 * Node.js's SIGINT handler and a process.on("SIGINT") listener replace each other: a listener a
 * cell adds takes SIGINT over, and removing the last one leaves SIGINT's default action (the
 * process would die on the next interrupt). So whenever the last SIGINT listener goes (a cell's
 * own, or those vm takes away while a script runs), the watchdog is restarted, which installs
 * its handler again.
 */
export function holdSigintWatchdog(): SigintHold | undefined {
  const binding = watchdogBinding();
  if (!binding) return undefined;
  const start = () => {
    if (binding.startSigintWatchdog() !== true) throw new Error("could not start Node.js's SIGINT watchdog thread");
  };
  start();
  process.on("removeListener", (event: string | symbol) => {
    if (event !== "SIGINT" || process.listenerCount("SIGINT") > 0) return;
    binding.stopSigintWatchdog();
    start();
  });
  return {
    takePending() {
      // A start and a stop over the held one: only the count moves, and the stop reports and
      // clears what arrived while no script was registered.
      binding.startSigintWatchdog();
      return binding.stopSigintWatchdog();
    },
  };
}
