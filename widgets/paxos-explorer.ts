import type { CheckedPaxosOptions, PaxosOptions } from "../src/consensus/paxos/create-paxos";
import type { PaxosInput } from "../src/consensus/paxos/paxos-step";
import { nodeUp } from "../src/consensus/paxos/paxos-rules";
import { PAXOS, type PaxosTrace } from "../src/consensus/paxos/paxos-trace";
import type { PaxosState } from "../src/consensus/paxos/types";
import { ProtocolExplorer, type PlayOptions } from "./protocol-explorer";

/** Options of a {@link PaxosExplorer}: the run (see consensus.createPaxos) or a trace to replay, and the play speed. */
export interface PaxosExplorerOptions extends PaxosOptions, PlayOptions {
  /** A trace to load (object or JSON text); its options replace the others. Defaults to none (a fresh run). */
  trace?: PaxosTrace | string;
}

/**
 * The cluster explorer's view of single-decree Paxos: acceptors and proposers on the circle with
 * their promises, ballots and accepted values, Prepare / Promise / Accept / Accepted in flight, the
 * chosen value once a majority accepts one ballot. The same controls as for Raft: step, play, click
 * a node to crash or restart it, partition, a client's request (a free proposer proposes it).
 */
export class PaxosExplorer extends ProtocolExplorer<"dslab-paxos-trace", CheckedPaxosOptions, PaxosState, PaxosInput> {
  constructor(options: PaxosExplorerOptions = {}) {
    const { trace, speed, fps, ...paxosOptions } = options;
    super(PAXOS, trace, paxosOptions, { speed, fps });
  }

  /** The run now (a copy). */
  paxosState(): PaxosState {
    return this.currentState();
  }

  protected nodeUp(state: PaxosState, node: number): boolean {
    return nodeUp(state, node);
  }

  protected summary(state: PaxosState): string {
    return state.chosen ? `${state.chosen.value} chosen in ballot ${state.chosen.ballot}` : "nothing chosen yet";
  }
}
