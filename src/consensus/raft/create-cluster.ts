import { checkInteger, checkNumber, checkPositive, checkSeed, invalidRange } from "../../validate";
import { resetElectionTimer } from "./election-rules";
import type { RaftServer, RaftState, RaftTiming } from "./types";

/** Options of {@link createCluster}. */
export interface ClusterOptions {
  /** Servers, an integer in [1, 15]. Defaults to 5. */
  servers?: number;
  /** Election timeout range [min, max] in ms, 0 < min ≤ max. Defaults to [150, 300], the paper's recommendation. */
  electionTimeoutMs?: [number, number];
  /** Heartbeat interval in ms, > 0. Defaults to half the minimum election timeout (the paper's Sec. 9.3 set-up). */
  heartbeatMs?: number;
  /**
   * One-way message delay range [min, max] in ms, 0 ≤ min ≤ max. Defaults to [1, 5.5]: the delays with
   * which the election experiment reproduces the paper's Figure 16 (see electionTimes).
   */
  delayMs?: [number, number];
  /** Seed of the random stream (timeouts, delays), an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
}

/** Checks a [min, max] range of ms; returns it as a fresh pair. */
export function checkRange(name: string, value: unknown, positive: boolean): [number, number] {
  const expected = positive ? "[min, max] with 0 < min <= max" : "[min, max] with 0 <= min <= max";
  if (!Array.isArray(value) || value.length !== 2) throw invalidRange(name, value, expected);
  const [min, max] = value as unknown[];
  if (positive) checkPositive(`${name}[0]`, min);
  else checkNumber(`${name}[0]`, min, { min: 0 });
  checkNumber(`${name}[1]`, max, { min: min as number });
  return [min as number, max as number];
}

/** Checks cluster options and fills in their defaults. */
export function checkClusterOptions(options: ClusterOptions): Required<ClusterOptions> {
  const { servers = 5, electionTimeoutMs = [150, 300], delayMs = [1, 5.5], seed = 1 } = options;
  checkInteger("servers", servers, 1, 15);
  const timeout = checkRange("electionTimeoutMs", electionTimeoutMs, true);
  const { heartbeatMs = timeout[0] / 2 } = options;
  checkPositive("heartbeatMs", heartbeatMs);
  return { servers, electionTimeoutMs: timeout, heartbeatMs, delayMs: checkRange("delayMs", delayMs, false), seed: checkSeed(seed) };
}

/** A fresh server: follower of term 0 with an empty log. */
function freshServer(id: number, n: number): RaftServer {
  return {
    id,
    up: true,
    role: "follower",
    term: 0,
    votedFor: null,
    log: [],
    commitIndex: 0,
    leader: null,
    electionDeadline: 0,
    votes: new Array<boolean>(n).fill(false),
    heartbeatDue: 0,
    nextIndex: new Array<number>(n).fill(1),
    matchIndex: new Array<number>(n).fill(0),
  };
}

/** A cluster at time 0: every server a follower of term 0 with its own random election timeout, no messages, no partition. */
export function createCluster(options: ClusterOptions = {}): RaftState {
  const { servers, electionTimeoutMs, heartbeatMs, delayMs, seed } = checkClusterOptions(options);
  const timing: RaftTiming = { electionTimeoutMs, heartbeatMs, delayMs };
  const state: RaftState = { time: 0, servers: [], messages: [], partition: new Array<number>(servers).fill(0), timing, seed, counter: 0, nextMessageId: 0 };
  for (let i = 0; i < servers; i++) {
    const server = freshServer(i, servers);
    state.servers.push(server);
    resetElectionTimer(state, server);
  }
  return state;
}
