import type { ClusterOptions, RaftState } from "../src/consensus";
import { currentLeader } from "../src/consensus/raft/faults";
import type { RaftInput } from "../src/consensus/raft/step";
import { RAFT, type RaftTrace } from "../src/consensus/raft/trace";
import { ProtocolExplorer, type PlayOptions } from "./protocol-explorer";

/** Options of a {@link ClusterExplorer}: the cluster (see consensus.createCluster) or a trace to replay, and the play speed. */
export interface ClusterExplorerOptions extends ClusterOptions, PlayOptions {
  /** A trace to load (object or JSON text); its options replace the others. Defaults to none (a fresh cluster). */
  trace?: RaftTrace | string;
}

/**
 * A step-by-step explorer of a Raft cluster, as RaftScope draws one: servers on a circle with role,
 * term and election timer, messages in flight, each server's log; step, play, crash and restart,
 * partition, client requests. The protocol runs in consensus' Raft rules, the same code as the
 * experiments; every input joins a trace that can be exported and replayed.
 */
export class ClusterExplorer extends ProtocolExplorer<"dslab-raft-trace", Required<ClusterOptions>, RaftState, RaftInput> {
  constructor(options: ClusterExplorerOptions = {}) {
    const { trace, speed, fps, ...clusterOptions } = options;
    super(RAFT, trace, clusterOptions, { speed, fps });
  }

  /** The cluster now (a copy). */
  raftState(): RaftState {
    return this.currentState();
  }

  protected nodeUp(state: RaftState, node: number): boolean {
    return state.servers[node].up;
  }

  protected summary(state: RaftState): string {
    const leader = currentLeader(state);
    return leader === undefined ? "no leader" : `leader S${leader + 1} of term ${state.servers[leader].term}`;
  }
}
