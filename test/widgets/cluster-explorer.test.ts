import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCluster, createPaxos, finalPaxosState, finalState, parsePaxosTrace, parseTrace, paxosStep, step, type RaftState } from "../../src/consensus";
import { ClusterExplorer, PaxosExplorer } from "../../widgets";
import { installFakeKernel } from "./fake-kernel";

let kernel: ReturnType<typeof installFakeKernel>;
beforeEach(() => {
  kernel = installFakeKernel();
});
afterEach(() => kernel.uninstall());

const updates = (modelId: string) =>
  kernel.sent
    .filter((m) => m.commId === modelId && (m.data as { method?: string }).method === "update")
    .map((m) => (m.data as { state: Record<string, unknown> }).state);
const leaderOf = (s: RaftState) => s.servers.find((x) => x.up && x.role === "leader");

describe("ClusterExplorer (kernel side, recording fake comm)", () => {
  it("opens a ClusterExplorerModel of module dslab holding the cluster as plain data", () => {
    const explorer = new ClusterExplorer({ seed: 3 });
    const open = kernel.sent.find((m) => m.type === "comm_open" && m.commId === explorer.modelId)!;
    const state = (open.data as { state: Record<string, unknown> }).state;
    expect(state).toMatchObject({
      _model_name: "ClusterExplorerModel",
      _model_module: "dslab",
      _view_name: "ClusterExplorerView",
      steps: 0,
      playing: false,
      speed: 100,
      error: "",
    });
    expect(state.cluster).toEqual(createCluster({ seed: 3 }));
  });

  it("steps with the same rules as consensus.step, one update per input", () => {
    const explorer = new ClusterExplorer({ seed: 5 });
    kernel.sent.length = 0;
    explorer.step(3);
    let s = createCluster({ seed: 5 });
    for (let i = 0; i < 3; i++) s = step(s).state;
    expect(explorer.cluster).toEqual(s);
    expect(updates(explorer.modelId).length).toBe(3);
    expect(explorer.steps).toBe(3);
  });

  it("turns the view's controls into inputs: step, toggle (crash, restart), client, partition, heal", async () => {
    const explorer = new ClusterExplorer({ seed: 2 });
    for (let i = 0; i < 300 && !leaderOf(explorer.cluster); i++) await kernel.receive(explorer.modelId, { method: "custom", content: { action: "step" } });
    const leader = leaderOf(explorer.cluster)!;
    expect(leader).toBeDefined();
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "client" } });
    expect(explorer.cluster.servers[leader.id].log.map((e) => e.command)).toEqual(["x=1"]);
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "toggle", server: leader.id } });
    expect(explorer.cluster.servers[leader.id].up).toBe(false);
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "partition", sides: [0, 0, 1, 1, 1] } });
    expect(explorer.cluster.partition).toEqual([0, 0, 1, 1, 1]);
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "heal" } });
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "toggle", server: leader.id } });
    expect(explorer.cluster.servers[leader.id].up).toBe(true);
    // The trace replays to exactly the state shown.
    expect(finalState(explorer.getTrace())).toEqual(explorer.cluster);
  });

  it("shows a bad control as an error in the view and keeps running", async () => {
    const explorer = new ClusterExplorer({ seed: 2 });
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "toggle", server: 12 } });
    expect(explorer.error).toBe("invalid server: 12 (expected an integer in [0, 4])");
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "load", trace: "not json" } });
    expect(explorer.error).toMatch(/^invalid trace: "not json"/);
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "step" } });
    expect(explorer.error).toBe("");
  });

  it("exports its trace to the view and loads one back, replaying to the same state", async () => {
    const explorer = new ClusterExplorer({ seed: 8 });
    explorer.step(40);
    explorer.crash(0);
    explorer.wait(500);
    kernel.sent.length = 0;
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "export" } });
    const custom = kernel.sent.find((m) => (m.data as { method: string }).method === "custom")!;
    const text = (custom.data as { content: { trace: string } }).content.trace;
    expect(parseTrace(text)).toEqual(explorer.getTrace());
    const other = new ClusterExplorer({ seed: 1 });
    await kernel.receive(other.modelId, { method: "custom", content: { action: "load", trace: text } });
    expect(other.cluster).toEqual(explorer.cluster);
    expect(new ClusterExplorer({ trace: text }).cluster).toEqual(explorer.cluster);
  });

  it("merges consecutive waits in its trace (same events either way)", () => {
    const a = new ClusterExplorer({ seed: 4 });
    a.wait(100);
    a.wait(150);
    const b = new ClusterExplorer({ seed: 4 });
    b.wait(250);
    expect(a.getTrace().inputs).toEqual([{ type: "wait", ms: 250 }]);
    expect(a.cluster).toEqual(b.cluster);
  });

  it("plays by letting speed / fps simulated ms pass each frame, and pauses", () => {
    vi.useFakeTimers();
    try {
      const explorer = new ClusterExplorer({ seed: 6, speed: 300, fps: 30 });
      explorer.play();
      expect(explorer.playing).toBe(true);
      vi.advanceTimersByTime(1000);
      explorer.pause();
      expect(explorer.playing).toBe(false);
      expect(explorer.cluster.time).toBeCloseTo(300, 6);
      expect(explorer.getTrace().inputs).toEqual([{ type: "wait", ms: expect.closeTo(300, 6) }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects bad options, naming them", () => {
    expect(() => new ClusterExplorer({ speed: 0 })).toThrow(new RangeError("invalid speed: 0 (expected a number in [1, 10000])"));
    expect(() => new ClusterExplorer({ servers: 20 })).toThrow(new RangeError("invalid servers: 20 (expected an integer in [1, 15])"));
  });
});

describe("PaxosExplorer (the same model and view, Paxos's rules)", () => {
  it("opens a ClusterExplorerModel with protocol paxos holding the run as plain data", () => {
    const explorer = new PaxosExplorer({ seed: 3, acceptors: 5 });
    const open = kernel.sent.find((m) => m.type === "comm_open" && m.commId === explorer.modelId)!;
    const state = (open.data as { state: Record<string, unknown> }).state;
    expect(state).toMatchObject({ _model_name: "ClusterExplorerModel", _view_name: "ClusterExplorerView", protocol: "paxos", steps: 0 });
    expect(state.cluster).toEqual(createPaxos({ seed: 3, acceptors: 5 }));
    expect(new ClusterExplorer().protocol).toBe("raft");
  });

  it("steps with consensus.paxosStep until a value is chosen, and takes the view's controls", async () => {
    const explorer = new PaxosExplorer({ seed: 5, retryMs: [5, 30] });
    let s = createPaxos({ seed: 5, retryMs: [5, 30] });
    for (let i = 0; i < 200 && !explorer.cluster.chosen; i++) {
      await kernel.receive(explorer.modelId, { method: "custom", content: { action: "step" } });
      s = paxosStep(s).state;
    }
    expect(explorer.cluster).toEqual(s);
    expect(explorer.cluster.chosen?.value).toMatch(/^v[12]$/);
    // Crash and restart an acceptor by clicking it, cut a proposer off, heal, send a client request.
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "toggle", server: 0 } });
    expect(explorer.cluster.acceptors[0].up).toBe(false);
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "toggle", server: 0 } });
    expect(explorer.cluster.acceptors[0].up).toBe(true);
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "partition", sides: [0, 0, 0, 1, 0] } });
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "heal" } });
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "client" } });
    explorer.wait(300);
    expect(explorer.cluster.proposers.some((p) => p.value === "x=1")).toBe(true);
    expect(explorer.cluster.chosen?.value).toBe(s.chosen?.value);
    expect(finalPaxosState(explorer.getTrace())).toEqual(explorer.cluster);
  });

  it("exports a Paxos trace that loads back, and refuses one of the other protocol, saying where it loads", async () => {
    const explorer = new PaxosExplorer({ seed: 8 });
    explorer.step(12);
    explorer.crash(1);
    explorer.wait(100);
    kernel.sent.length = 0;
    await kernel.receive(explorer.modelId, { method: "custom", content: { action: "export" } });
    const custom = kernel.sent.find((m) => (m.data as { method: string }).method === "custom")!;
    const text = (custom.data as { content: { trace: string } }).content.trace;
    expect(parsePaxosTrace(text)).toEqual(explorer.getTrace());
    expect(new PaxosExplorer({ trace: text }).cluster).toEqual(explorer.cluster);
    const raft = new ClusterExplorer({ seed: 1 });
    await kernel.receive(raft.modelId, { method: "custom", content: { action: "load", trace: text } });
    expect(raft.error).toBe(
      'invalid trace: "dslab-paxos-trace" (expected a dslab-raft-trace; a dslab-paxos-trace loads in a PaxosExplorer (new PaxosExplorer({ trace })))',
    );
    expect(() => new PaxosExplorer({ trace: JSON.stringify(raft.getTrace()) })).toThrow(/loads in a ClusterExplorer/);
  });

  it("rejects bad options, naming them", () => {
    expect(() => new PaxosExplorer({ acceptors: 0 })).toThrow(new RangeError("invalid acceptors: 0 (expected an integer in [1, 15])"));
    expect(() => new PaxosExplorer({ fps: 0 })).toThrow(new RangeError("invalid fps: 0 (expected a number in [1, 120])"));
  });
});

describe("the explorers' text fallback", () => {
  it("says which explorer, the time, the inputs, and the leader or the chosen value", () => {
    const raft = new ClusterExplorer({ seed: 2 });
    expect(String(raft)).toBe("ClusterExplorer(t = 0.0 ms, 0 inputs, no leader)");
    raft.wait(400);
    expect(String(raft)).toMatch(/^ClusterExplorer\(t = 400\.0 ms, 1 inputs, leader S\d of term \d+\)$/);
    const paxos = new PaxosExplorer({ proposers: 1, seed: 2 });
    paxos.wait(100);
    expect(String(paxos)).toBe("PaxosExplorer(t = 100.0 ms, 1 inputs, v1 chosen in ballot 1)");
  });
});
