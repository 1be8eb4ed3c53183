import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paxosDuel, paxosDuelSweep } from "../../../src/consensus";

describe("paxosDuel(options)", () => {
  it("decides in one ballot with one proposer: 4N messages in the whole run (Prepare, Promise, Accept, Accepted)", () => {
    for (const acceptors of [3, 5, 7]) {
      const run = paxosDuel({ proposers: 1, acceptors, seed: 2, continueAfterDecision: true });
      expect([run.decided, run.value, run.ballots, run.messages]).toEqual([true, "v1", 1, 4 * acceptors]);
      expect(run.log[0]).toMatchObject({ type: "Prepare", from: "P1", ballot: 1 });
    }
  });

  it("decides with duelling proposers on a random network, after extra ballots", () => {
    let extra = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const run = paxosDuel({ proposers: 2, seed });
      expect(run.decided).toBe(true);
      if (run.ballots > 2) extra++;
    }
    expect(extra).toBeGreaterThan(5);
  });

  it("never decides against FLP's adversary in a fully asynchronous network, ballots piling up", () => {
    const run = paxosDuel({ proposers: 2, adversary: true, maxMs: 1000, seed: 1 });
    expect(run.decided).toBe(false);
    expect(run.ballots).toBeGreaterThan(20);
  });

  it("decides once the adversary can hold messages no longer than the proposers' retry timeout (partial synchrony)", () => {
    const run = paxosDuel({ proposers: 2, adversary: true, maxHoldMs: 10, retryMs: [20, 20], maxMs: 1000, seed: 1 });
    expect(run.decided).toBe(true);
  });

  it("lets every proposer that finishes learn the same value (safety, fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 30 }),
        (proposers, acceptors, seed, retry) => {
          const run = paxosDuel({ proposers, acceptors, seed, retryMs: [0, retry], delayMs: [1, 20], continueAfterDecision: true, maxMs: 3000 });
          expect(new Set(run.decisions).size).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it("rejects bad parameters, naming them", () => {
    expect(() => paxosDuel({ acceptors: 0 })).toThrow(new RangeError("invalid acceptors: 0 (expected an integer in [1, 15])"));
  });
});

describe("paxosDuelSweep({ trials, seed, ...setup })", () => {
  it("has one row per run, each run on a seed derived from (seed, i)", () => {
    const rows = paxosDuelSweep({ trials: 20, proposers: 2, seed: 4 }).objects() as { decided: boolean; ballots: number; messages: number }[];
    expect(rows.length).toBe(20);
    expect(rows.every((r) => r.decided && r.ballots >= 1 && r.messages >= 12)).toBe(true);
  });
});
