// Recompute time of the simulations behind the widgets of chapters 04 and 05, at the widgets'
// default parameters (issue 15: ≤ 100 ms each, in the kernel and in the live handout). Each is
// warmed up, then timed over several runs; the median and the worst are reported.
import { communication, figures, models } from "../src";

interface Case {
  name: string;
  run: () => unknown;
}

export const cases: Case[] = [
  { name: "04 residue vs k (n = 1000, 20 runs)", run: () => communication.sweepRumorResidue({ ks: [1, 2, 3, 4, 5], n: 1000, runs: 20, seed: 2026 }) },
  {
    name: "04 reliable channel vs loss (RTT 100 ms, 3000 rounds)",
    run: () => communication.sweepReliableChannel({ rttMs: 100, maxWindow: 2000, pattern: "random", rounds: 3000, seed: 2026 }),
  },
  { name: "04 delivery semantics (10,000 requests)", run: () => communication.deliverySemantics({ seed: 2026 }) },
  { name: "04 RPC vs queue (10 s at 50/s)", run: () => communication.rpcVsQueue({ seed: 2026 }) },
  {
    name: "05 clocks, Cristian every 300 s for an hour",
    run: () => models.simulateClocks({ method: "cristian", periodS: 300, jitterMs: 5, durationS: 3600, seed: 2026 }),
  },
  {
    name: "05 space-time diagram (3 processes, vector clocks)",
    run: () => figures.spaceTimeFigure(models.randomExecution({ processes: 3, eventsPerProcess: 4, maxDelay: 2, seed: 7 }), { clock: "vector", highlight: 6 }),
  },
  {
    name: "05 detector trade-off (3,000 heartbeats)",
    run: () => models.detectorTradeoff({ jitterMs: 20, loss: 0.01, delay: "exponential", heartbeats: 3000, seed: 2026 }),
  },
  {
    name: "05 failure classes (3 replicas, 5,000 requests)",
    run: () => models.failureClasses({ replicas: 3, faulty: 2, misbehaviour: 0.3, requests: 5000, seed: 2026 }),
  },
];

const BUDGET_MS = 100;
const rows = ["| widget simulation | median ms | worst ms | within 100 ms |", "|---|---|---|---|"];
let over = 0;
for (const c of cases) {
  for (let i = 0; i < 3; i++) c.run();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    c.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  if (median > BUDGET_MS) over++;
  rows.push(`| ${c.name} | ${median.toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${median <= BUDGET_MS ? "yes" : "NO"} |`);
}
console.log(rows.join("\n"));
process.exitCode = over ? 1 : 0;
