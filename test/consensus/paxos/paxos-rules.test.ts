import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advancePaxosUntil,
  checkPaxosSafety,
  createPaxos,
  createPaxosSafetyRecord,
  createPaxosTrace,
  finalPaxosState,
  nextBallot,
  paxosDuel,
  paxosStep,
  parsePaxosTrace,
  replayPaxosTrace,
  traceToJson,
  type PaxosInput,
  type PaxosState,
} from "../../../src/consensus";

function ticks(state: PaxosState, n: number): PaxosState {
  for (let i = 0; i < n; i++) state = paxosStep(state).state;
  return state;
}

describe("createPaxos(options)", () => {
  it("starts acceptors with no promise and proposer p due at p × staggerMs with value v(p + 1)", () => {
    const s = createPaxos({ acceptors: 5, proposers: 3, staggerMs: 4, seed: 9 });
    expect(s.acceptors.map((a) => [a.id, a.promised, a.accepted])).toEqual([0, 1, 2, 3, 4].map((id) => [id, 0, null]));
    expect(s.proposers.map((p) => [p.id, p.value, p.phase, p.startAt])).toEqual([
      [5, "v1", "idle", 0],
      [6, "v2", "idle", 4],
      [7, "v3", "idle", 8],
    ]);
    expect(s.partition).toEqual(new Array(8).fill(0));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("rejects bad options, naming them", () => {
    expect(() => createPaxos({ proposers: 6 })).toThrow(new RangeError("invalid proposers: 6 (expected an integer in [1, 5])"));
    expect(() => createPaxos({ retryMs: [5, 1] })).toThrow(/^invalid retryMs\[1\]: 1/);
    expect(() => createPaxos({ adversary: "yes" as unknown as boolean })).toThrow(new TypeError('invalid adversary: "yes" (expected true or false)'));
  });
});

describe("nextBallot(p, proposers, seen)", () => {
  it("is proposer p's own (≡ p + 1 mod P), the smallest above what it has seen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 10_000 }))),
        ([n, p, seen]) => {
          const b = nextBallot(p, n, seen);
          expect(b).toBeGreaterThan(seen);
          expect((b - 1) % n).toBe(p);
          expect(b - n).toBeLessThanOrEqual(Math.max(seen, p + 1 - n));
        },
      ),
    );
  });
});

describe("paxosStep(state, input)", () => {
  it("chooses the lone proposer's value in one ballot: Prepare, Promise, Accept, Accepted", () => {
    let s = createPaxos({ proposers: 1, acceptors: 3, seed: 4 });
    const kinds: string[] = [];
    for (let i = 0; i < 40 && s.proposers[0].phase !== "done"; i++) {
      const r = paxosStep(s);
      kinds.push(...r.events.map((e) => e.kind));
      s = r.state;
    }
    expect(s.proposers[0]).toMatchObject({ phase: "done", ballot: 1, learned: "v1" });
    expect(s.chosen).toMatchObject({ ballot: 1, value: "v1" });
    expect(kinds[0]).toBe("ballot");
    expect(kinds.filter((k) => k !== "promise" && k !== "accept")).toEqual(["ballot", "propose", "chosen", "learns"]);
  });

  it("leaves its input state untouched (a pure function of state and input)", () => {
    const s = createPaxos({ seed: 3 });
    const copy = structuredClone(s);
    const a = paxosStep(s);
    const b = paxosStep(s);
    expect(s).toEqual(copy);
    expect(a).toEqual(b);
  });

  it("makes a later proposer adopt the value already chosen, not its own", () => {
    let s = createPaxos({ proposers: 2, acceptors: 3, staggerMs: 200, seed: 5 });
    advancePaxosUntil(s, 150);
    expect(s.chosen?.value).toBe("v1");
    s = paxosStep(s, { type: "wait", ms: 300 }).state;
    expect(s.proposers[1]).toMatchObject({ phase: "done", learned: "v1", value: "v2" });
    // A client's new command goes to a free proposer, which can only learn v1 again.
    const after = paxosStep(s, { type: "clientRequest", command: "x=9" }).state;
    const settled = paxosStep(after, { type: "wait", ms: 300 }).state;
    expect(settled.proposers[0]).toMatchObject({ value: "x=9", learned: "v1", phase: "done" });
    expect(settled.chosen?.value).toBe("v1");
  });

  it("cannot choose with a majority of acceptors crashed, and chooses once one restarts", () => {
    let s = createPaxos({ proposers: 1, acceptors: 3, seed: 2, retryMs: [5, 10] });
    s = paxosStep(s, { type: "crash", server: 0 }).state;
    s = paxosStep(s, { type: "crash", server: 1 }).state;
    s = paxosStep(s, { type: "wait", ms: 500 }).state;
    expect(s.chosen).toBe(null);
    s = paxosStep(s, { type: "restart", server: 1 }).state;
    s = paxosStep(s, { type: "timeout", server: 3 }).state;
    s = paxosStep(s, { type: "wait", ms: 100 }).state;
    expect(s.chosen?.value).toBe("v1");
  });

  it("keeps a proposer cut off with a minority from choosing; healing lets it finish", () => {
    let s = createPaxos({ proposers: 1, acceptors: 5, seed: 6, retryMs: [5, 10] });
    s = paxosStep(s, { type: "partition", sides: [1, 1, 0, 0, 0, 1] }).state;
    s = paxosStep(s, { type: "wait", ms: 400 }).state;
    expect(s.chosen).toBe(null);
    expect(s.proposers[0].ballot).toBeGreaterThan(1);
    s = paxosStep(s, { type: "heal" }).state;
    s = paxosStep(s, { type: "wait", ms: 400 }).state;
    expect(s.chosen?.value).toBe("v1");
  });

  it("rejects a malformed input, naming it", () => {
    const s = createPaxos();
    expect(() => paxosStep(s, { type: "crash", server: 5 })).toThrow(new RangeError("invalid server: 5 (expected an integer in [0, 4])"));
    expect(() => paxosStep(s, { type: "partition", sides: [0, 1] })).toThrow(/^invalid sides: \[0,1\] \(expected an array of 5 side numbers\)/);
    expect(() => paxosStep(s, { type: "fly" } as unknown as PaxosInput)).toThrow(/^invalid input: .*"tick"/);
  });
});

describe("Paxos traces", () => {
  it("replay to the same states and survive JSON", () => {
    const trace = createPaxosTrace({ seed: 4, retryMs: [0, 20] });
    trace.inputs.push(
      { type: "tick" },
      { type: "tick" },
      { type: "crash", server: 3 },
      { type: "wait", ms: 30 },
      { type: "restart", server: 3 },
      { type: "wait", ms: 200 },
    );
    const { states, events } = replayPaxosTrace(trace);
    expect(states.length).toBe(7);
    expect(events[3].map((e) => e.kind)).toContain("crash");
    const again = parsePaxosTrace(traceToJson(trace));
    expect(again).toEqual(trace);
    expect(finalPaxosState(again)).toEqual(states[6]);
  });

  it("reject text that is not a Paxos trace, naming what was expected", () => {
    expect(() => parsePaxosTrace("{")).toThrow(/invalid trace: "\{" \(expected JSON text of a dslab-paxos-trace\)/);
    expect(() => parsePaxosTrace({ format: "dslab-raft-trace", version: 1 })).toThrow(/expected an object with format "dslab-paxos-trace" and version 1/);
    expect(() => parsePaxosTrace({ format: "dslab-paxos-trace", version: 1, options: {}, inputs: [{ type: "crash", server: 9 }] })).toThrow(
      /invalid server: 9/,
    );
  });
});

const input = (nodes: number): fc.Arbitrary<PaxosInput> =>
  fc.oneof(
    { weight: 30, arbitrary: fc.constant({ type: "tick" } as PaxosInput) },
    { weight: 3, arbitrary: fc.double({ min: 1, max: 40, noNaN: true }).map((ms) => ({ type: "wait", ms }) as PaxosInput) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: nodes - 1 }).map((server) => ({ type: "crash", server }) as PaxosInput) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: nodes - 1 }).map((server) => ({ type: "restart", server }) as PaxosInput) },
    {
      weight: 1,
      arbitrary: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nodes, maxLength: nodes }).map((sides) => ({ type: "partition", sides }) as PaxosInput),
    },
    { weight: 1, arbitrary: fc.constant({ type: "heal" } as PaxosInput) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 99 }).map((v) => ({ type: "clientRequest", command: `x=${v}` }) as PaxosInput) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: nodes - 1 }).map((server) => ({ type: "timeout", server }) as PaxosInput) },
  );

const setup = fc.record({
  acceptors: fc.integer({ min: 1, max: 7 }),
  proposers: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  wide: fc.boolean(),
  adversary: fc.boolean(),
});

describe("Paxos's safety under random faults (fast-check)", () => {
  it("Agreement, Validity, learning, P2c, one value per ballot and promises kept hold after every step", () => {
    const run = setup.chain((o) => fc.record({ o: fc.constant(o), inputs: fc.array(input(o.acceptors + o.proposers), { minLength: 50, maxLength: 400 }) }));
    fc.assert(
      fc.property(run, ({ o, inputs }) => {
        // Wide delays reorder messages often; the adversary holds Accepts for up to 30 ms.
        let s = createPaxos({ ...o, delayMs: o.wide ? [1, 60] : [1, 5.5], retryMs: [0, 20], maxHoldMs: 30 });
        const record = createPaxosSafetyRecord();
        for (const i of inputs) {
          s = paxosStep(s, i).state;
          const problems = checkPaxosSafety(s, record);
          if (problems.length > 0) throw new Error(problems.join("; "));
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });

  it("chooses values in practice under those faults, with duels that change the value proposed (the check is not vacuous)", () => {
    let chosen = 0;
    let adopted = 0;
    fc.assert(
      fc.property(fc.array(input(8), { minLength: 200, maxLength: 200 }), fc.integer({ min: 0, max: 1000 }), (inputs, seed) => {
        let s = createPaxos({ acceptors: 5, proposers: 3, seed, retryMs: [0, 20] });
        for (const i of inputs) {
          s = paxosStep(s, i).state;
          if (s.proposers.some((p) => p.best !== null && p.phase !== "idle")) adopted++;
        }
        s = paxosStep(s, { type: "heal" }).state;
        for (let node = 0; node < 8; node++) s = paxosStep(s, { type: "restart", server: node }).state;
        s = paxosStep(s, { type: "clientRequest", command: "last" }).state;
        advancePaxosUntil(s, s.time + 2000);
        if (s.chosen) chosen++;
      }),
      { numRuns: 30, seed: 8 },
    );
    expect(chosen).toBe(30);
    expect(adopted).toBeGreaterThan(0);
  });

  it("catches planted violations: two values chosen, a broken promise, a learner of another value", () => {
    const s = createPaxos({ acceptors: 3, proposers: 2 });
    const record = createPaxosSafetyRecord();
    s.acceptors[0].accepted = { ballot: 1, value: "v1" };
    s.acceptors[0].promised = 1;
    s.acceptors[1].accepted = { ballot: 1, value: "v1" };
    s.acceptors[1].promised = 1;
    expect(checkPaxosSafety(s, record)).toEqual([]);
    s.acceptors[1].accepted = { ballot: 2, value: "v2" };
    s.acceptors[2].accepted = { ballot: 2, value: "v2" };
    s.acceptors[2].promised = 2;
    s.proposers[0].learned = "v2";
    const problems = checkPaxosSafety(s, record);
    expect(problems).toContain("promise kept: A2 accepted ballot 2 above its promise 1");
    expect(problems).toContain("Agreement: v1 was chosen in ballot 1 and v2 in ballot 2");
    expect(problems).toContain("learning: P1 learned v2 while v1 was chosen");
    expect(problems).toContain("P2c: A3 accepted v2 in ballot 2 after v1 was chosen in ballot 1");
  });

  it("is the code paxosDuel runs: a duel's ballots and messages come from the same steps", () => {
    const run = paxosDuel({ proposers: 2, seed: 12, continueAfterDecision: true });
    let s = createPaxos({ proposers: 2, seed: 12 });
    s = ticks(s, 10_000);
    expect(s.nextMessageId).toBe(run.messages);
    expect(s.proposers.map((p) => p.learned)).toEqual(run.decisions.length === 2 ? expect.arrayContaining(run.decisions) : expect.anything());
  });
});
