// The main thread's side of the heap guard (heap-guard.ts runs in the control worker): kept apart
// so that the kernel's main thread does not load the inspector.
import { getHeapStatistics } from "node:v8";

/** What the worker tells the main thread: heap used and its limit, in MB, when the guard fired (0 when it has not). */
export type HeapAlarm = Int32Array;

/** A fresh alarm, shared between the main thread and the control worker. */
export function createHeapAlarm(): HeapAlarm {
  return new Int32Array(new SharedArrayBuffer(8));
}

/** In the main thread: the alarm's reading if the guard fired since the last call, and resets it. */
export function takeHeapAlarm(alarm: HeapAlarm): { usedMb: number; limitMb: number } | undefined {
  const usedMb = Atomics.exchange(alarm, 0, 0);
  return usedMb > 0 ? { usedMb, limitMb: Atomics.load(alarm, 1) } : undefined;
}

/** The error a cell stopped by the guard ends with (Python's name for it). */
export function heapAlarmError(reading: { usedMb: number; limitMb: number }): { ename: string; evalue: string } {
  return {
    ename: "MemoryError",
    evalue:
      `the kernel stopped this cell when its heap reached ${reading.usedMb} MB of Node.js's ${reading.limitMb} MB limit, ` +
      "before Node.js would have ended the kernel. Values the cell kept may still hold memory: set large ones to undefined, " +
      "or restart the kernel (a larger limit: --max-old-space-size=MB in the kernelspec's argv)",
  };
}

/**
 * The heap size at which V8 fails: --max-old-space-size when given (on the command line or in
 * NODE_OPTIONS), else V8's heap_size_limit. That also counts the young generation, whose size
 * differs by version (48 MB on Node.js 22, 192 MB on 24, 96 MB on 26 for a 4 GB heap): 85% of it
 * stays below the old generation's limit by default, but not for a small explicit one.
 */
export function heapLimitBytes(execArgv: string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): number {
  const options = [...execArgv, ...nodeOptions.split(/\s+/)];
  let explicitMb: number | undefined;
  options.forEach((option, i) => {
    const match = /^--max[-_]old[-_]space[-_]size(?:=(\d+))?$/.exec(option);
    if (match) explicitMb = Number(match[1] ?? options[i + 1]);
  });
  return explicitMb && Number.isFinite(explicitMb) ? explicitMb * 2 ** 20 : getHeapStatistics().heap_size_limit;
}
