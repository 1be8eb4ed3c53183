import { deriveSeed } from "../failure/derive-seed";
import { tableFromColumns, type Table } from "../table";
import { checkInteger, checkPositive, checkSeed } from "../validate";
import { advance, advanceUntil } from "./raft/advance";
import { checkClusterOptions, checkRange, type ClusterOptions, createCluster } from "./raft/create-cluster";
import { becomeLeader } from "./raft/election-rules";
import { crash } from "./raft/faults";
import { majority } from "./raft/network";
import { randomDraw } from "./raft/random-draw";
import type { RaftState } from "./raft/types";

/** Options of {@link electionTimes}: the cluster's timing (see createCluster) and the experiment's size. */
export interface ElectionTimesOptions extends Omit<ClusterOptions, "seed" | "electionTimeoutMs"> {
  /** Election timeout range [min, max] in ms. Defaults to [150, 300]. */
  timeoutMs?: [number, number];
  /** Leader crashes simulated, an integer in [1, 10^6]. Defaults to 1,000 (the paper's count per line). */
  trials?: number;
  /** Seed; trial i runs on a seed derived from (seed, i). An integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
  /** Simulated ms after the crash at which a trial gives up (ms then holds this cap, elected false). Defaults to 10,000. */
  maxMs?: number;
}

/** One trial's outcome. */
interface Outcome {
  ms: number;
  splitVotes: number;
  elected: boolean;
}

/** Whether some running leader of a term after `term` is known as leader by a majority (itself included). */
function leaderKnownByMajority(state: RaftState, term: number): boolean {
  const needed = majority(state.servers.length);
  for (const l of state.servers) {
    if (!l.up || l.role !== "leader" || l.term <= term) continue;
    let knowing = 0;
    for (const s of state.servers) if (s.up && s.term === l.term && s.leader === l.id) knowing++;
    if (knowing >= needed) return true;
  }
  return false;
}

/** One leader crash: a stable leader of term 1, crashed at a uniformly random point of its third heartbeat interval. */
function electionTrial(options: Required<ClusterOptions>, maxMs: number): Outcome {
  const state = createCluster(options);
  for (const s of state.servers) {
    s.term = 1;
    s.votedFor = 0;
    s.leader = 0;
  }
  becomeLeader(state, state.servers[0], null);
  // Two heartbeat intervals settle the followers' timers on real heartbeats; then the crash.
  const heartbeat = options.heartbeatMs;
  const crashTime = 2 * heartbeat + heartbeat * randomDraw(state);
  advanceUntil(state, crashTime);
  crash(state, 0);
  const elections = new Set<number>();
  while (state.time - crashTime <= maxMs) {
    const event = advance(state);
    if (!event) break;
    if (event.kind === "timeout") elections.add(state.servers[event.server].term);
    if (event.kind === "deliver" && event.message.body.type === "AppendEntries" && leaderKnownByMajority(state, 1)) {
      return { ms: state.time - crashTime, splitVotes: elections.size - 1, elected: true };
    }
  }
  return { ms: maxMs, splitVotes: elections.size, elected: false };
}

/**
 * Raft's leader election after a leader crash, as in Ongaro & Ousterhout's Figure 16 (USENIX ATC
 * 2014, Sec. 9.3): five servers, a heartbeat every half minimum election timeout, the leader
 * crashed at a uniformly random point of its heartbeat interval, every election timeout drawn
 * afresh at each reset. One-way delays default to 1-5.5 ms: the paper gives a broadcast time of
 * about 15 ms but not the delays of one message, and these are the delays under which the model
 * reproduces the figure's published points (150-155 ms: median 287 ms; 150-200 ms: worst 513 ms;
 * 12-24 ms: mean 35 ms). One row per trial: ms from the crash until a new leader is known to a
 * majority (itself and enough followers that accepted its AppendEntries), split_votes (elections
 * started after the crash that did not elect it) and elected (false when the trial hit maxMs).
 */
export function electionTimes(options: ElectionTimesOptions = {}): Table {
  const { timeoutMs = [150, 300], trials = 1000, seed = 1, maxMs = 10_000, ...rest } = options;
  checkInteger("trials", trials, 1, 1_000_000);
  checkSeed(seed);
  checkPositive("maxMs", maxMs);
  checkRange("timeoutMs", timeoutMs, true);
  const cluster = checkClusterOptions({ ...rest, electionTimeoutMs: timeoutMs, seed });
  const ms = new Float64Array(trials);
  const splitVotes = new Int32Array(trials);
  const elected = new Array<boolean>(trials);
  for (let trial = 0; trial < trials; trial++) {
    const outcome = electionTrial({ ...cluster, seed: deriveSeed(seed, trial) }, maxMs);
    ms[trial] = outcome.ms;
    splitVotes[trial] = outcome.splitVotes;
    elected[trial] = outcome.elected;
  }
  return tableFromColumns({ trial: Int32Array.from({ length: trials }, (_, i) => i), ms, split_votes: splitVotes, elected });
}
