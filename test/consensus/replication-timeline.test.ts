import { describe, expect, it } from "vitest";
import { majority, replicationTimeline } from "../../src/consensus";

type Row = { time_ms: number; server: string; up: boolean; log_length: number; commit_index: number; holders: number };

describe("replicationTimeline(options)", () => {
  const rows = replicationTimeline({ seed: 3 }).objects() as Row[];
  const crashed = rows.filter((r) => r.server.endsWith("(crashes)"));
  const leader = rows.filter((r) => r.server.endsWith("(leader)"));

  it("commits every request and lets the crashed follower catch up after its restart", () => {
    const last = rows[rows.length - 1].time_ms;
    expect(leader.find((r) => r.time_ms === last)!.commit_index).toBe(12);
    expect(crashed.find((r) => r.time_ms === last)!.log_length).toBe(12);
    expect(crashed.find((r) => r.time_ms === last)!.commit_index).toBe(12);
    // While down its log stands still.
    const down = crashed.filter((r) => !r.up);
    expect(down.length).toBeGreaterThan(0);
    expect(new Set(down.map((r) => r.log_length)).size).toBe(1);
  });

  it("never shows an entry committed that fewer than a majority hold", () => {
    for (const r of leader) if (r.commit_index > 0) expect(r.holders).toBeGreaterThanOrEqual(majority(5));
  });
});
