import { describe, expect, it } from "vitest";
import { FIGURE16_RANGES, electionSweep, electionTimes } from "../../src/consensus";
import { deriveSeed } from "../../src/failure";

describe("electionSweep({ ranges, trials, seed })", () => {
  it("stacks electionTimes of each range, each on a seed derived from (seed, min, max)", () => {
    const sweep = electionSweep({ ranges: [[150, 175], [12, 24]], trials: 30, seed: 5 });
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
