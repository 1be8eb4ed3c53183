// Consensus and consistency: Figure 16 reproduced (11 ranges x 1,000 leader crashes, the issue's
// budget is 10 s in the kernel), Raft events per second of the shared rules, the cluster explorer's
// kernel-side steps per second (the page needs >= 60), and PBS with 100,000 trials.
import { advance, createCluster, electionSweep, FIGURE16_RANGES } from "../src/consensus";
import { tVisibility } from "../src/consistency";
import { ClusterExplorer } from "../widgets/cluster-explorer";

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, (performance.now() - start) / 1000];
}

const [, figure16] = time(() => {
  electionSweep({ ranges: FIGURE16_RANGES.top, trials: 1000, seed: 1 });
  electionSweep({ ranges: FIGURE16_RANGES.bottom, trials: 1000, seed: 1 });
});
console.log(`Figure 16 (11 ranges x 1,000 crashes): ${figure16.toFixed(2)} s (budget 10 s: ${(10 / figure16).toFixed(1)}x headroom)`);

const [events, rulesSeconds] = time(() => {
  // 150-150 ms keeps five servers splitting votes: a steady stream of RequestVote traffic.
  const state = createCluster({ electionTimeoutMs: [150, 150], seed: 3 });
  let n = 0;
  while (state.time < 2_000_000 && advance(state)) n++;
  return n;
});
console.log(`Raft rules: ${(events / rulesSeconds / 1e6).toFixed(2)}M events/s (${events} events)`);

const explorer = new ClusterExplorer({ seed: 2, delayMs: [10, 30] });
const [, explorerSeconds] = time(() => explorer.step(3000));
const perSecond = 3000 / explorerSeconds;
console.log(
  `cluster explorer, kernel side (step, copy, state update): ${perSecond.toFixed(0)} events/s (${(perSecond / 60).toFixed(0)}x the 60 events/s the page needs)`,
);
explorer.close();

const [, pbsSeconds] = time(() => tVisibility({ n: 3, r: 1, w: 1, profile: "LNKD-DISK", probability: 0.999, trials: 100_000, seed: 1 }));
console.log(`PBS tVisibility, 100,000 trials: ${(pbsSeconds * 1000).toFixed(0)} ms`);
