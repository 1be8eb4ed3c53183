import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkPositive } from "../validate";
import { advanceUntil } from "./raft/advance";
import { createCluster, type ClusterOptions } from "./raft/create-cluster";
import { crash, currentLeader, restart } from "./raft/faults";
import { appendCommand } from "./raft/replication-rules";
import type { RaftState } from "./raft/types";

/** Options of {@link replicationTimeline}. */
export interface ReplicationTimelineOptions extends ClusterOptions {
  /** Client requests, one every requestEveryMs once a leader exists, an integer in [1, 1000]. Defaults to 12. */
  requests?: number;
  /** Time between client requests in ms, > 0. Defaults to 100. */
  requestEveryMs?: number;
  /** When the follower crashes, in ms after the first request. Defaults to 250. */
  crashAtMs?: number;
  /** When it restarts, in ms after the first request. Defaults to 800. */
  restartAtMs?: number;
  /** Sampling interval of the timeline in ms, > 0. Defaults to 10. */
  sampleEveryMs?: number;
}

/**
 * Log replication with a crashed follower (Raft, Sec. 5.3): once a leader is elected a client sends
 * a command every requestEveryMs; one follower crashes at crashAtMs and restarts at restartAtMs,
 * then catches up. One row per server per sample: time_ms (since the first request), server,
 * up, role, log_length and commit_index, and holders (servers holding the leader's last committed
 * entry, to check that nothing commits without a majority).
 */
export function replicationTimeline(options: ReplicationTimelineOptions = {}): Table {
  const { requests = 12, requestEveryMs = 100, crashAtMs = 250, restartAtMs = 800, sampleEveryMs = 10, ...cluster } = options;
  checkInteger("requests", requests, 1, 1000);
  checkPositive("requestEveryMs", requestEveryMs);
  checkNonNegative("crashAtMs", crashAtMs);
  checkNonNegative("restartAtMs", restartAtMs);
  checkPositive("sampleEveryMs", sampleEveryMs);
  const state = createCluster(cluster);
  // Elect a leader first (at most a minute of simulated time).
  while (currentLeader(state) === undefined && state.time < 60_000) advanceUntil(state, state.time + 1);
  const leader = currentLeader(state);
  if (leader === undefined) throw new RangeError("invalid options: no leader was elected within 60 s");
  const follower = (leader + 1) % state.servers.length;
  const start = state.time;
  const end = Math.max(requests * requestEveryMs, restartAtMs) + 1000;
  const inputs: { at: number; run: (s: RaftState) => void }[] = [
    ...Array.from({ length: requests }, (_, i) => ({
      at: i * requestEveryMs,
      run: (s: RaftState) => {
        const l = currentLeader(s);
        if (l !== undefined) appendCommand(s, s.servers[l], `x=${i + 1}`, null);
      },
    })),
    { at: crashAtMs, run: (s: RaftState) => crash(s, follower) },
    { at: restartAtMs, run: (s: RaftState) => restart(s, follower) },
  ].sort((a, b) => a.at - b.at);
  const rows: object[] = [];
  let next = 0;
  for (let t = 0; t <= end; t += sampleEveryMs) {
    while (next < inputs.length && inputs[next].at <= t) {
      advanceUntil(state, start + inputs[next].at);
      inputs[next++].run(state);
    }
    advanceUntil(state, start + t);
    const l = currentLeader(state);
    const committed = l === undefined ? 0 : state.servers[l].commitIndex;
    const holders =
      committed === 0
        ? 0
        : state.servers.filter((s) => s.log.length >= committed && s.log[committed - 1].term === state.servers[l!].log[committed - 1].term).length;
    for (const s of state.servers)
      rows.push({
        time_ms: t,
        server: `S${s.id + 1}${s.id === follower ? " (crashes)" : s.id === leader ? " (leader)" : ""}`,
        up: s.up,
        role: s.role,
        log_length: s.log.length,
        commit_index: s.commitIndex,
        holders,
      });
  }
  return tableFromRows(rows);
}
