import { describe, expect, it } from "vitest";
import { electionTimes } from "../../src/consensus";
import { quantile } from "../../src/stats";

// Published points: Ongaro & Ousterhout, USENIX ATC 2014, Sec. 9.3, Fig. 16 (1,000 trials a line).
// Our trials are 1,000 too, so medians and means carry sampling noise of a few percent and the
// worst of 1,000 trials (an extreme) varies by about ±25% between seeds; tolerances say so.
const run = (timeoutMs: [number, number], trials = 1000, maxMs?: number) => {
  const t = electionTimes({ servers: 5, timeoutMs, trials, seed: 1, ...(maxMs ? { maxMs } : {}) });
  return { ms: Array.from(t.array("ms") as Float64Array), splits: Array.from(t.array("split_votes") as Int32Array), elected: t.array("elected") as boolean[] };
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("electionTimes({ servers, timeoutMs, trials, seed })", () => {
  it("has one row per trial with ms, split_votes and elected", () => {
    const t = electionTimes({ timeoutMs: [150, 300], trials: 20, seed: 4 });
    expect(t.numRows()).toBe(20);
    expect(t.columnNames()).toEqual(["trial", "ms", "split_votes", "elected"]);
  });

  it("reproduces 150-155 ms: median downtime near the paper's 287 ms (within 15%)", () => {
    const { ms, elected } = run([150, 155]);
    expect(elected.every(Boolean)).toBe(true);
    expect(Math.abs(quantile(ms, 0.5) - 287) / 287).toBeLessThan(0.15);
  });

  it("reproduces 150-200 ms: worst of 1,000 trials near the paper's 513 ms (within 35%, an extreme value)", () => {
    const { ms } = run([150, 200]);
    expect(Math.abs(Math.max(...ms) - 513) / 513).toBeLessThan(0.35);
  });

  it("reproduces 12-24 ms: 35 ms on average (within 10%) and 152 ms at most (within 35%)", () => {
    const { ms } = run([12, 24]);
    expect(Math.abs(mean(ms) - 35) / 35).toBeLessThan(0.1);
    expect(Math.abs(Math.max(...ms) - 152) / 152).toBeLessThan(0.35);
  });

  it("reproduces 150-150 ms: without randomness most elections take over 10 s", () => {
    const { ms, elected, splits } = run([150, 150], 60, 10_000);
    expect(quantile(ms, 0.5)).toBe(10_000);
    expect(elected.filter(Boolean).length).toBeLessThan(30);
    expect(Math.min(...splits.filter((_, i) => !elected[i]))).toBeGreaterThan(30);
  });

  it("splits fewer votes and elects sooner as the range widens", () => {
    const narrow = run([150, 155], 400);
    const wide = run([150, 300], 400);
    expect(mean(narrow.splits)).toBeGreaterThan(5 * mean(wide.splits));
    expect(quantile(wide.ms, 0.5)).toBeLessThan(quantile(narrow.ms, 0.5));
    // A new leader needs at least a timeout's worth of silence minus the heartbeat interval.
    expect(Math.min(...wide.ms)).toBeGreaterThan(150 - 75);
  });

  it("is deterministic in its seed", () => {
    const a = electionTimes({ timeoutMs: [150, 175], trials: 50, seed: 9 }).objects();
    expect(electionTimes({ timeoutMs: [150, 175], trials: 50, seed: 9 }).objects()).toEqual(a);
  });

  it("rejects bad parameters, naming them", () => {
    expect(() => electionTimes({ timeoutMs: [200, 150] })).toThrow(new RangeError("invalid timeoutMs[1]: 150 (expected a number in [200, ∞))"));
    expect(() => electionTimes({ servers: 0 })).toThrow(new RangeError("invalid servers: 0 (expected an integer in [1, 15])"));
    expect(() => electionTimes({ trials: 0 })).toThrow(new RangeError("invalid trials: 0 (expected an integer in [1, 1000000])"));
  });
});
