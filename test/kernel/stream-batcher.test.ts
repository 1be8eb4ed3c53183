import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStreamBatcher } from "../../kernel-ext/kernel/stream-batcher";

type Sent = [string, "stdout" | "stderr", string];

function batcher(options: { maxMessageChars?: number; maxPendingChars?: number; backlog?: () => number } = {}) {
  const sent: Sent[] = [];
  // The global timers, which vi.useFakeTimers replaces.
  const timers = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  const streams = createStreamBatcher<string>({ ...options, timers, send: (parent, name, text) => sent.push([parent, name, text]) });
  return { sent, streams };
}

describe("createStreamBatcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gathers writes of one parent and stream into one message, sent after the flush interval", () => {
    const { sent, streams } = batcher();
    for (let i = 0; i < 1000; i++) streams.write("cell-1", "stdout", `${i}\n`);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);
    expect(sent[0][2].split("\n")).toHaveLength(1001);
  });

  it("keeps the order of writes across streams and parents", () => {
    const { sent, streams } = batcher();
    streams.write("a", "stdout", "1");
    streams.write("a", "stdout", "2");
    streams.write("a", "stderr", "3");
    streams.write("b", "stderr", "4");
    streams.write("a", "stdout", "5");
    streams.flush();
    expect(sent).toEqual([
      ["a", "stdout", "12"],
      ["a", "stderr", "3"],
      ["b", "stderr", "4"],
      ["a", "stdout", "5"],
    ]);
  });

  it("sends at once when the gathered text reaches the message size, without waiting for a timer", () => {
    const { sent, streams } = batcher({ maxMessageChars: 10 });
    for (let i = 0; i < 25; i++) streams.write("p", "stdout", "x");
    expect(sent.map((s) => s[2].length)).toEqual([10, 10]);
    streams.flush();
    expect(sent.map((s) => s[2]).join("")).toBe("x".repeat(25));
  });

  it("drops text beyond the pending bound with a notice naming how much, once the backlog drains", () => {
    let backlog = 0;
    const { sent, streams } = batcher({ maxMessageChars: 10, maxPendingChars: 100, backlog: () => backlog });
    backlog = 95;
    streams.write("p", "stdout", "12345");
    streams.write("p", "stdout", "678");
    streams.write("p", "stdout", "9");
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    // The kept text went out; the notice waits for room.
    expect(sent).toEqual([["p", "stdout", "12345"]]);
    backlog = 0;
    vi.advanceTimersByTime(50);
    expect(sent[1][2]).toMatch(/4 characters of output were dropped here/);
  });
});
