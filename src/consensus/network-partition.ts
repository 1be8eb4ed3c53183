import { checkInteger, invalidRange } from "../validate";
import type { RaftEvent } from "./raft/types";

/**
 * Partitions a cluster's network (Raft's or Paxos's): sides[i] is node i's side and messages cross
 * only between equal sides; all sides equal heals it.
 */
export function setPartition(state: { time: number; partition: number[] }, sides: readonly number[], log: RaftEvent[] | null): void {
  const n = state.partition.length;
  if (!Array.isArray(sides) || sides.length !== n) throw invalidRange("sides", sides, `an array of ${n} side numbers`);
  sides.forEach((side, i) => checkInteger(`sides[${i}]`, side, 0, 15));
  state.partition = [...sides];
  const healed = sides.every((side) => side === sides[0]);
  if (log)
    log.push({ time: state.time, kind: healed ? "heal" : "partition", server: 0, term: 0, detail: healed ? "network healed" : `sides ${sides.join(" ")}` });
}
