import { describe, expect, it } from "vitest";
import { lostUpdates } from "../../src/transparency/index";

type Row = { clients: number; conflict_fraction: number; lower: number; upper: number; closed_form: number; lost_fraction: number };

describe("lostUpdates({ clients, ratePerSecond, rttMs, updates, seed })", () => {
  it("finds conflicts at the rate 1 − e^(−N·λ·d) of a Poisson stream, at the chapter's parameters", () => {
    for (const seed of [1, 2026]) {
      const rows = lostUpdates({ clients: [1, 2, 5, 10, 20, 50], ratePerSecond: 1, rttMs: 50, updates: 20_000, seed }).objects() as Row[];
      for (const r of rows) expect(Math.abs(r.conflict_fraction - r.closed_form)).toBeLessThan(0.015);
      expect(rows[0].closed_form).toBeCloseTo(1 - Math.exp(-0.05), 12);
    }
  });

  it("loses updates only when they conflict, and loses more as clients are added", () => {
    const rows = lostUpdates({ clients: [1, 10, 50], seed: 4 }).objects() as Row[];
    for (const r of rows) {
      expect(r.lost_fraction).toBeGreaterThan(0);
      expect(r.lost_fraction).toBeLessThanOrEqual(r.conflict_fraction + 1e-12);
    }
    expect(rows[2].lost_fraction).toBeGreaterThan(rows[1].lost_fraction);
    expect(rows[1].lost_fraction).toBeGreaterThan(rows[0].lost_fraction);
  });

  it("gives the same numbers for the same seed and names a bad parameter", () => {
    expect(lostUpdates({ seed: 9, updates: 500 }).objects()).toEqual(lostUpdates({ seed: 9, updates: 500 }).objects());
    expect(() => lostUpdates({ clients: [0] })).toThrow("invalid clients[0]: 0 (expected an integer in [1, 1000000])");
    expect(() => lostUpdates({ rttMs: 0 })).toThrow("invalid rttMs: 0");
  });
});
