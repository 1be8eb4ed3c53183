import { describe, expect, it } from "vitest";
import { getHeapStatistics } from "node:v8";
import { createHeapAlarm, heapAlarmError, heapLimitBytes, takeHeapAlarm } from "../../kernel-ext/kernel/heap-alarm";

describe("the heap alarm the control worker raises for the main thread", () => {
  it("is read once: taking it resets it, so a later error is not blamed on memory", () => {
    const alarm = createHeapAlarm();
    expect(takeHeapAlarm(alarm)).toBeUndefined();
    Atomics.store(alarm, 1, 4096);
    Atomics.store(alarm, 0, 3500);
    expect(takeHeapAlarm(alarm)).toEqual({ usedMb: 3500, limitMb: 4096 });
    expect(takeHeapAlarm(alarm)).toBeUndefined();
  });

  it("says what happened, with both sizes and what to do", () => {
    const { ename, evalue } = heapAlarmError({ usedMb: 3500, limitMb: 4096 });
    expect(ename).toBe("MemoryError");
    expect(evalue).toMatch(/heap reached 3500 MB of Node\.js's 4096 MB limit/);
    expect(evalue).toMatch(/restart the kernel/);
  });
});

describe("the heap limit the guard watches", () => {
  it("is --max-old-space-size when given, in either spelling and in NODE_OPTIONS, else V8's heap_size_limit", () => {
    expect(heapLimitBytes(["--max-old-space-size=384"], "")).toBe(384 * 2 ** 20);
    expect(heapLimitBytes(["--snapshot-blob", "x.blob"], "--max_old_space_size=512")).toBe(512 * 2 ** 20);
    expect(heapLimitBytes(["--max-old-space-size", "256"], "")).toBe(256 * 2 ** 20);
    expect(heapLimitBytes([], "")).toBe(getHeapStatistics().heap_size_limit);
  });
});
