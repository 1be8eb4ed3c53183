// Node.js ends a process whose heap reaches V8's limit with a fatal error (after seconds of
// garbage collection), and the front end only learns that the kernel died. The control worker
// watches the main thread's heap instead, through the inspector (whose requests V8 serves even
// while a cell's loop runs), and interrupts the cell before the limit: the cell gets an error
// saying why, and the kernel lives on.
import type { Session } from "node:inspector";
import { clearTimeout, setTimeout } from "node:timers";
import type { HeapAlarm } from "./heap-alarm";

/** Share of the old generation's limit at which the running cell is stopped (V8 gives up near 99%, after seconds of GC). */
export const HEAP_ALARM_FRACTION = 0.85;
/** The guard fires again only after the heap has come back below this share (no repeated alarms while a large value is kept). */
const REARM_FRACTION = 0.75;
/** How often the heap is read while it is below half its limit, and above: a loop can allocate 300 MB in a tenth of a second near the limit (Node.js 24, whose young generation takes 192 MB). */
const HEAP_POLL_MS = 100;
const NEAR_LIMIT_POLL_MS = 10;

/**
 * In the control worker: reads the main thread's heap (through a session connected to its
 * inspector) every HEAP_POLL_MS, or NEAR_LIMIT_POLL_MS past half the limit, and, when it passes
 * HEAP_ALARM_FRACTION of `limitBytes`, records it in `alarm` and calls `interrupt`.
 */
export function watchMainThreadHeap(options: { inspector: Session; limitBytes: number; alarm: HeapAlarm; interrupt: () => void }): { stop(): void } {
  const { inspector: session, limitBytes, alarm, interrupt } = options;
  let armed = true;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const read = () => {
    try {
      session.post("Runtime.getHeapUsage", (error, usage) => {
        if (stopped) return;
        if (error || !usage) {
          timer = setTimeout(read, HEAP_POLL_MS);
          return;
        }
        const used = (usage as { usedSize: number }).usedSize;
        if (armed && used >= HEAP_ALARM_FRACTION * limitBytes) {
          armed = false;
          Atomics.store(alarm, 1, Math.round(limitBytes / 2 ** 20));
          Atomics.store(alarm, 0, Math.max(1, Math.round(used / 2 ** 20)));
          interrupt();
        } else if (!armed && used < REARM_FRACTION * limitBytes) {
          armed = true;
        }
        timer = setTimeout(read, used > limitBytes / 2 ? NEAR_LIMIT_POLL_MS : HEAP_POLL_MS);
      });
    } catch {
      // The session not connected yet (the main thread still starting) or any more (exiting): try again later.
      if (!stopped) timer = setTimeout(read, HEAP_POLL_MS);
    }
  };
  read();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
