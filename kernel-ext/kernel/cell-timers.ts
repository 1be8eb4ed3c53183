import * as timers from "node:timers";
import { promisify } from "node:util";

/** Timers that an interrupted cell can no longer fire. */
export interface CellTimers {
  /** From now on, timers started by this request (and by what they started) do nothing when due. */
  cancel(requestId: string): void;
}

type Callback = (...args: unknown[]) => void;

/** How many interrupted requests are remembered (their timers stay silenced). */
const REMEMBERED = 1000;

/**
 * Replaces the global setTimeout, setInterval and setImmediate with ones that remember which
 * request started them (`scope()`, the request in whose async context the call is made) and do
 * nothing once that request has been cancelled. An interrupt thus stops a cell's asynchronous
 * work (`while (true) { await sleep(50); ticks++ }`): its pending timer never fires, so the loop
 * never resumes, as ipykernel's interrupt cancels the cell's task. Kernel code imports its timers
 * from node:timers and is not affected; util.promisify(setTimeout) keeps Node's own version.
 */
export function installCancellableTimers(scope: () => string | undefined): CellTimers {
  const cancelled = new Set<string>();
  const g = globalThis as unknown as Record<"setTimeout" | "setInterval" | "setImmediate", unknown>;
  const guard = (id: string, callback: Callback, onCancelled?: () => void): Callback =>
    function (this: unknown, ...args: unknown[]) {
      if (cancelled.has(id)) return onCancelled?.();
      return callback.apply(this, args);
    };
  const wrap = <F extends (callback: Callback, ...rest: never[]) => unknown>(original: F, repeating = false): F => {
    const replaced = function (this: unknown, callback: unknown, ...rest: unknown[]) {
      const id = scope();
      if (!id || typeof callback !== "function") return (original as unknown as Callback).call(this, callback, ...rest);
      let handle: unknown;
      const onCancelled = repeating ? () => timers.clearInterval(handle as NodeJS.Timeout) : undefined;
      handle = (original as unknown as Callback).call(this, guard(id, callback as Callback, onCancelled), ...rest);
      return handle;
    } as unknown as F;
    const custom = (original as unknown as Record<symbol, unknown>)[promisify.custom];
    if (custom) Object.defineProperty(replaced, promisify.custom, { value: custom });
    return replaced;
  };
  g.setTimeout = wrap(timers.setTimeout as never);
  g.setInterval = wrap(timers.setInterval as never, true);
  g.setImmediate = wrap(timers.setImmediate as never);
  return {
    cancel(requestId) {
      cancelled.add(requestId);
      if (cancelled.size > REMEMBERED) cancelled.delete(cancelled.values().next().value as string);
    },
  };
}
