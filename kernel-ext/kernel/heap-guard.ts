// Node.js ends a process whose heap reaches V8's limit with a fatal error (after seconds of
// garbage collection), and the front end only learns that the kernel died. The control worker
// watches the main thread's heap instead, through the inspector (whose requests V8 serves even
// while a cell's loop runs), and interrupts the cell before the limit: the cell gets an error
// saying why, and the kernel lives on.
import { Session } from "node:inspector";
import { clearInterval, setInterval } from "node:timers";
import type { HeapAlarm } from "./heap-alarm";

/** Share of the old generation's limit at which the running cell is stopped (V8 gives up near 99%, after seconds of GC). */
export const HEAP_ALARM_FRACTION = 0.85;
/** The guard fires again only after the heap has come back below this share (no repeated alarms while a large value is kept). */
const REARM_FRACTION = 0.75;
/** How often the heap is read: at 1 GB/s of allocation a read comes before the last tenth of a 4 GB heap is gone. */
const HEAP_POLL_MS = 100;

/**
 * In the control worker: reads the main thread's heap every HEAP_POLL_MS and, when it passes
 * HEAP_ALARM_FRACTION of `limitBytes`, records it in `alarm` and calls `interrupt`.
 */
export function watchMainThreadHeap(options: { limitBytes: number; alarm: HeapAlarm; interrupt: () => void }): { stop(): void } {
  const { limitBytes, alarm, interrupt } = options;
  const session = new Session();
  session.connectToMainThread();
  let armed = true;
  let reading = false;
  const poll = setInterval(() => {
    if (reading) return;
    reading = true;
    session.post("Runtime.getHeapUsage", (error, usage) => {
      reading = false;
      if (error || !usage) return;
      const used = (usage as { usedSize: number }).usedSize;
      if (armed && used >= HEAP_ALARM_FRACTION * limitBytes) {
        armed = false;
        Atomics.store(alarm, 1, Math.round(limitBytes / 2 ** 20));
        Atomics.store(alarm, 0, Math.max(1, Math.round(used / 2 ** 20)));
        interrupt();
      } else if (!armed && used < REARM_FRACTION * limitBytes) {
        armed = true;
      }
    });
  }, HEAP_POLL_MS);
  return {
    stop() {
      clearInterval(poll);
      // A connected session would make the process wait at exit ("Waiting for the debugger to disconnect").
      session.disconnect();
    },
  };
}
