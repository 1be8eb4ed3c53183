import { describe, expect, it } from "vitest";
import { FIGURE16_RANGES, electionSummary, electionSweep, electionTimes } from "../../src/consensus";
import { deriveSeed } from "../../src/failure";

describe("electionSweep({ ranges, trials, seed })", () => {
  it("stacks electionTimes of each range, each on a seed derived from (seed, min, max)", () => {
    const sweep = electionSweep({
      ranges: [
        [150, 175],
        [12, 24],
      ],
      trials: 30,
      seed: 5,
    });
    expect(sweep.numRows()).toBe(60);
    const rows = sweep.objects() as { range: string; ms: number }[];
    expect(rows[0].range).toBe("150-175");
    const alone = electionTimes({ timeoutMs: [12, 24], trials: 30, seed: deriveSeed(5, 12, 24) }).array("ms");
    expect(rows.filter((r) => r.range === "12-24").map((r) => r.ms)).toEqual(Array.from(alone as Float64Array));
  });

  it("defaults to Figure 16's top ranges", () => {
    expect(FIGURE16_RANGES.top.map(([a, b]) => `${a}-${b}`)).toEqual(["150-150", "150-151", "150-155", "150-175", "150-200", "150-300"]);
    expect(() => electionSweep({ ranges: [] })).toThrow(new RangeError("invalid ranges: [] (expected a non-empty array)"));
  });
});

describe("electionSummary(sweep)", () => {
  it("has one row per range with the median, mean, p99, max, elected fraction and mean split votes", () => {
    const sweep = electionSweep({
      ranges: [
        [150, 300],
        [150, 150],
      ],
      trials: 40,
      seed: 2,
      maxMs: 2000,
    });
    const rows = electionSummary(sweep).objects() as {
      range: string;
      trials: number;
      median_ms: number;
      max_ms: number;
      elected: number;
      mean_split_votes: number;
    }[];
    expect(rows.map((r) => [r.range, r.trials])).toEqual([
      ["150-300", 40],
      ["150-150", 40],
    ]);
    const ms = (sweep.objects() as { range: string; ms: number }[]).filter((r) => r.range === "150-300").map((r) => r.ms);
    expect(rows[0].max_ms).toBe(Math.max(...ms));
    expect(rows[0].elected).toBe(1);
    expect(rows[1].elected).toBeLessThan(1);
    expect(rows[1].mean_split_votes).toBeGreaterThan(rows[0].mean_split_votes);
  });
});
