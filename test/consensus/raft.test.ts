import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceUntil,
  checkSafety,
  createCluster,
  createSafetyRecord,
  createTrace,
  currentLeader,
  finalState,
  parseTrace,
  replayTrace,
  step,
  traceToJson,
  type RaftInput,
  type RaftState,
} from "../../src/consensus";

/** Ticks until a leader exists (or the limit), returning the state. */
function untilLeader(state: RaftState, limit = 2000): RaftState {
  for (let i = 0; i < limit && currentLeader(state) === undefined; i++) state = step(state).state;
  return state;
}
function ticks(state: RaftState, n: number): RaftState {
  for (let i = 0; i < n; i++) state = step(state).state;
  return state;
}

describe("createCluster(options)", () => {
  it("starts every server as a follower of term 0 with its timer in the election timeout range", () => {
    const s = createCluster({ servers: 3, electionTimeoutMs: [100, 200], seed: 2 });
    expect(s.servers.map((x) => [x.role, x.term, x.log.length])).toEqual([
      ["follower", 0, 0],
      ["follower", 0, 0],
      ["follower", 0, 0],
    ]);
    for (const x of s.servers) expect(x.electionDeadline >= 100 && x.electionDeadline <= 200).toBe(true);
    expect(s.timing.heartbeatMs).toBe(50);
  });

  it("is plain data: JSON round-trips it", () => {
    const s = untilLeader(createCluster({ seed: 3 }));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("step(state, input)", () => {
  it("elects one leader from a fresh cluster, whose term every server then shares", () => {
    let s = untilLeader(createCluster({ seed: 1 }));
    const leader = currentLeader(s)!;
    s = ticks(s, 40);
    expect(s.servers.every((x) => x.term === s.servers[leader].term && x.leader === leader)).toBe(true);
  });

  it("leaves its input state untouched (a pure function of state and input)", () => {
    const s = createCluster({ seed: 5 });
    const copy = structuredClone(s);
    step(s);
    step(s, { type: "crash", server: 1 });
    expect(s).toEqual(copy);
    expect(step(s).state).toEqual(step(s).state);
  });

  it("commits a client request once a majority holds it, and not before", () => {
    let s = untilLeader(createCluster({ seed: 2 }));
    const leader = currentLeader(s)!;
    s = step(s, { type: "clientRequest", command: "x=1" }).state;
    expect(s.servers[leader].log).toEqual([{ term: s.servers[leader].term, command: "x=1" }]);
    expect(s.servers[leader].commitIndex).toBe(0);
    for (let i = 0; i < 200 && s.servers[leader].commitIndex === 0; i++) {
      s = step(s).state;
      const holders = s.servers.filter((x) => x.log.length >= 1).length;
      if (s.servers[leader].commitIndex === 1) expect(holders).toBeGreaterThanOrEqual(3);
    }
    expect(s.servers[leader].commitIndex).toBe(1);
  });

  it("lets a crashed follower catch up on the entries it missed after it restarts", () => {
    let s = untilLeader(createCluster({ seed: 7 }));
    const leader = currentLeader(s)!;
    const follower = (leader + 1) % 5;
    s = step(s, { type: "crash", server: follower }).state;
    for (const command of ["a", "b", "c"]) s = step(s, { type: "clientRequest", command }).state;
    s = ticks(s, 200);
    expect(s.servers[leader].commitIndex).toBe(3);
    expect(s.servers[follower].log).toEqual([]);
    s = step(s, { type: "restart", server: follower }).state;
    s = ticks(s, 200);
    expect(s.servers[follower].log.map((e) => e.command)).toEqual(["a", "b", "c"]);
    expect(s.servers[follower].commitIndex).toBe(3);
  });

  it("keeps a leader cut off in a minority from committing, and the majority side elects another", () => {
    let s = untilLeader(createCluster({ seed: 11 }));
    const old = currentLeader(s)!;
    const sides = s.servers.map((x) => (x.id === old || x.id === (old + 1) % 5 ? 1 : 0));
    s = step(s, { type: "partition", sides }).state;
    s = step(s, { type: "clientRequest", command: "lost" }).state;
    s = ticks(s, 400);
    expect(s.servers[old].commitIndex).toBe(0);
    const leaders = s.servers.filter((x) => x.role === "leader" && x.term > s.servers[old].term);
    expect(leaders.length).toBe(1);
    expect(sides[leaders[0].id]).toBe(0);
    // After healing, the old leader steps down; the new leader's first entry overwrites the uncommitted one.
    s = step(s, { type: "heal" }).state;
    s = ticks(s, 100);
    expect(s.servers[old].role).toBe("follower");
    s = step(s, { type: "clientRequest", command: "kept" }).state;
    s = ticks(s, 200);
    expect(s.servers[old].log.map((e) => e.command)).toEqual(["kept"]);
    expect(s.servers[old].commitIndex).toBe(1);
  });

  it("refuses a client request when no leader runs, and rejects a malformed input naming it", () => {
    const s = createCluster({ seed: 1 });
    expect(step(s, { type: "clientRequest", command: "x" }).events[0].detail).toBe("no leader: x refused");
    expect(() => step(s, { type: "crash", server: 9 })).toThrow(new RangeError("invalid server: 9 (expected an integer in [0, 4])"));
    expect(() => step(s, { type: "explode" } as never)).toThrow(/invalid input: \{"type":"explode"\} \(expected an object whose type is one of "tick"/);
  });
});

describe("traces", () => {
  it("replay to the same states, and survive JSON", () => {
    const trace = createTrace({ seed: 4 });
    trace.inputs.push(
      ...Array.from({ length: 60 }, () => ({ type: "tick" }) as RaftInput),
      { type: "crash", server: 0 },
      { type: "clientRequest", command: "y=2" },
      ...Array.from({ length: 60 }, () => ({ type: "tick" }) as RaftInput),
    );
    const { states, events } = replayTrace(trace);
    expect(states.length).toBe(trace.inputs.length + 1);
    expect(events.length).toBe(states.length);
    const again = parseTrace(traceToJson(trace));
    expect(again).toEqual(trace);
    expect(finalState(again)).toEqual(states[states.length - 1]);
  });

  it("reject text that is not a trace, naming what was expected", () => {
    expect(() => parseTrace("{")).toThrow(/invalid trace: "\{" \(expected JSON text of a dslab-raft-trace\)/);
    expect(() => parseTrace({ format: "x" })).toThrow(/expected an object with format "dslab-raft-trace" and version 1/);
    expect(() => parseTrace({ format: "dslab-raft-trace", version: 1, options: {}, inputs: [{ type: "crash", server: 7 }] })).toThrow(/invalid server: 7/);
  });
});

// Random runs: ticks interleaved with crashes, restarts, partitions, heals, client requests and
// forced timeouts. Raft's safety properties (Fig. 3) must hold after every step.
const input = (n: number): fc.Arbitrary<RaftInput> =>
  fc.oneof(
    { weight: 30, arbitrary: fc.constant({ type: "tick" } as RaftInput) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: n - 1 }).map((server) => ({ type: "crash", server }) as RaftInput) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: n - 1 }).map((server) => ({ type: "restart", server }) as RaftInput) },
    {
      weight: 1,
      arbitrary: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }).map((sides) => ({ type: "partition", sides }) as RaftInput),
    },
    { weight: 1, arbitrary: fc.constant({ type: "heal" } as RaftInput) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 99 }).map((v) => ({ type: "clientRequest", command: `x=${v}` }) as RaftInput) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: n - 1 }).map((server) => ({ type: "timeout", server }) as RaftInput) },
  );

describe("Raft's safety properties under random faults (fast-check)", () => {
  it("Election Safety, Log Matching, Leader Completeness and State Machine Safety hold after every step", () => {
    const run = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        wide: fc.boolean(),
        inputs: fc.array(input(n), { minLength: 50, maxLength: 400 }),
      }),
    );
    fc.assert(
      fc.property(run, ({ n, seed, wide, inputs }) => {
        // Wide delays reorder messages often, the harder case for Log Matching.
        let s = createCluster({ servers: n, seed, electionTimeoutMs: [150, 300], delayMs: wide ? [1, 120] : [1, 5.5] });
        const record = createSafetyRecord();
        for (const i of inputs) {
          s = step(s, i).state;
          const problems = checkSafety(s, record);
          if (problems.length > 0) throw new Error(problems.join("; "));
        }
      }),
      { numRuns: 120, seed: 20260607 },
    );
  });

  it("commits entries in practice under those faults (the check is not vacuous)", () => {
    let committedRuns = 0;
    fc.assert(
      fc.property(fc.array(input(5), { minLength: 300, maxLength: 300 }), fc.integer({ min: 0, max: 1000 }), (inputs, seed) => {
        let s = createCluster({ seed });
        for (const i of inputs) s = step(s, i).state;
        // Heal everything and let it settle: a leader commits what it has.
        s = step(s, { type: "heal" }).state;
        for (let i = 0; i < 5; i++) s = step(s, { type: "restart", server: i }).state;
        advanceUntil(s, s.time + 3000);
        if (Math.max(...s.servers.map((x) => x.commitIndex)) > 0) committedRuns++;
      }),
      { numRuns: 30, seed: 7 },
    );
    expect(committedRuns).toBeGreaterThan(20);
  });

  it("catches a violation when one is planted (two leaders of one term)", () => {
    const s = untilLeader(createCluster({ seed: 1 }));
    const leader = currentLeader(s)!;
    const bad = structuredClone(s);
    const other = bad.servers[(leader + 1) % 5];
    other.role = "leader";
    other.term = bad.servers[leader].term;
    expect(checkSafety(bad, createSafetyRecord())[0]).toMatch(/^Election Safety: S\d and S\d both led term \d+$/);
  });

  it("catches planted Log Matching and State Machine Safety violations", () => {
    const s = createCluster({ servers: 3, seed: 1 });
    s.servers[0].log = [
      { term: 1, command: "a" },
      { term: 2, command: "b" },
    ];
    s.servers[1].log = [
      { term: 1, command: "z" },
      { term: 2, command: "b" },
    ];
    s.servers[0].commitIndex = 1;
    s.servers[1].commitIndex = 1;
    const problems = checkSafety(s, createSafetyRecord());
    expect(problems).toContain("Log Matching: S1 and S2 share entry 2 of term 2 but differ at 1");
    expect(problems).toContain("State Machine Safety: S2 commits z@1 at 1, a@1 was committed there");
  });
});
