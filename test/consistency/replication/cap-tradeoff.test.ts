import { describe, expect, it } from "vitest";
import { capTradeoff } from "../../../src/consistency";

type Row = { mode: string; phase: string; requests: number; answered: number; stale: number; mean_ms: number };
const rows = capTradeoff({ seed: 2, durationMs: 15_000 }).objects() as Row[];
const row = (mode: string, phase: string) => rows.find((r) => r.mode === mode && r.phase === phase)!;

describe("capTradeoff({ requestsPerSecond, durationMs, profile, seed })", () => {
  it("under a partition, CP refuses the cut-off third of the requests and never answers stale", () => {
    // Clients pick one of three replicas uniformly: 1/3 land on the cut-off side (±0.04 at ~1,000 requests).
    expect(Math.abs(row("CP", "partition").answered - 2 / 3)).toBeLessThan(0.04);
    expect(row("CP", "partition").stale).toBe(0);
    expect(row("CP", "normal").answered).toBe(1);
  });

  it("under a partition, AP answers everything but many reads are stale", () => {
    expect(row("AP", "partition").answered).toBe(1);
    expect(row("AP", "partition").stale).toBeGreaterThan(0.3);
    expect(row("AP", "partition").stale).toBeGreaterThan(2 * row("AP", "normal").stale);
  });

  it("else (no partition), CP pays a round trip in latency and AP in stale reads (PACELC)", () => {
    expect(row("CP", "normal").mean_ms).toBeGreaterThan(10 * row("AP", "normal").mean_ms);
    expect(row("AP", "normal").stale).toBeGreaterThan(0);
    expect(row("CP", "normal").stale).toBe(0);
  });
});
