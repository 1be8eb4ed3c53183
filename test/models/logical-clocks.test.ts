import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { models } from "../../src";

const executions = fc.record({
  processes: fc.integer({ min: 2, max: 5 }),
  eventsPerProcess: fc.integer({ min: 1, max: 6 }),
  sendProbability: fc.double({ min: 0, max: 1, noNaN: true }),
  maxDelay: fc.double({ min: 0.1, max: 5, noNaN: true }),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

describe("lamportClocks(execution) and vectorClocks(execution)", () => {
  it("satisfy the clock condition: a → b implies L(a) < L(b) and V(a) < V(b)", () => {
    fc.assert(
      fc.property(executions, (options) => {
        const ex = models.randomExecution(options);
        const before = models.happenedBefore(ex);
        const lamport = models.lamportClocks(ex);
        const vector = models.vectorClocks(ex);
        for (let a = 0; a < ex.events.length; a++)
          for (let b = 0; b < ex.events.length; b++)
            if (before[a][b]) {
              expect(lamport[a]).toBeLessThan(lamport[b]);
              expect(models.vectorBefore(vector[a], vector[b])).toBe(true);
            }
      }),
      { numRuns: 150 },
    );
  });
  it("vector clocks characterise causality: V(a) < V(b) only if a → b, so incomparable vectors mean concurrent events", () => {
    fc.assert(
      fc.property(executions, (options) => {
        const ex = models.randomExecution(options);
        const before = models.happenedBefore(ex);
        const vector = models.vectorClocks(ex);
        for (let a = 0; a < ex.events.length; a++)
          for (let b = 0; b < ex.events.length; b++) expect(models.vectorBefore(vector[a], vector[b])).toBe(before[a][b]);
      }),
      { numRuns: 150 },
    );
  });
  it("gives Lamport's rule on a hand-made execution: a receipt jumps to max(own, sent) + 1", () => {
    const ex: models.Execution = {
      processes: 2,
      events: [
        { id: 0, process: 0, time: 1, kind: "local" },
        { id: 1, process: 0, time: 2, kind: "send", message: 0 },
        { id: 2, process: 1, time: 3, kind: "receive", message: 0 },
        { id: 3, process: 1, time: 4, kind: "local" },
      ],
      messages: [{ id: 0, from: 0, to: 1, send: 1, receive: 2 }],
    };
    expect(models.lamportClocks(ex)).toEqual([1, 2, 3, 4]);
    expect(models.vectorClocks(ex)).toEqual([
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
    expect(models.concurrentPairs(ex)).toEqual([]);
  });
  it("lets Lamport's clock order some concurrent events, which vector clocks leave unordered", () => {
    const s = models.orderingSummary(models.randomExecution({ processes: 3, eventsPerProcess: 5, seed: 2026 }));
    expect(s.concurrent).toBeGreaterThan(0);
    expect(s.concurrentButLamportOrdered).toBeGreaterThan(0);
    expect(s.ordered + s.concurrent).toBe(s.pairs);
  });
});

describe("randomExecution(options)", () => {
  it("lists events in real-time order with every receipt after its send, messages numbered by send", () => {
    const ex = models.randomExecution({ processes: 4, eventsPerProcess: 8, seed: 9 });
    for (let i = 1; i < ex.events.length; i++) expect(ex.events[i].time).toBeGreaterThanOrEqual(ex.events[i - 1].time);
    ex.messages.forEach((m, i) => {
      expect(m.send).toBeLessThan(m.receive);
      expect(ex.events[m.send].process).toBe(m.from);
      expect(ex.events[m.receive].process).toBe(m.to);
      if (i > 0) expect(m.send).toBeGreaterThan(ex.messages[i - 1].send);
    });
  });
  it("validates its options", () => {
    expect(() => models.randomExecution({ processes: 1 })).toThrow("invalid processes: 1 (expected an integer in [2, 26])");
  });
});
