import { describe, expect, it } from "vitest";
import { communication } from "../../src";

describe("unreliableChannel(options)", () => {
  it("loses, duplicates and reorders at rates within three standard errors of their closed forms", () => {
    const rows = communication.unreliableChannel({ packets: 100_000, loss: 0.05, duplication: 0.02, intervalMs: 1, jitterMs: 2, seed: 4 }).objects() as {
      effect: string;
      rate: number;
      closed_form: number;
    }[];
    for (const r of rows) {
      const se = Math.sqrt((r.closed_form * (1 - r.closed_form)) / 90_000);
      expect(Math.abs(r.rate - r.closed_form)).toBeLessThan(3 * se);
    }
  });
  it("delivers in arrival order, each sequence number at most twice", () => {
    const d = communication.unreliableDeliveries({ packets: 2000, duplication: 0.5, seed: 1 });
    for (let i = 1; i < d.length; i++) expect(d[i].at).toBeGreaterThanOrEqual(d[i - 1].at);
    const counts = new Map<number, number>();
    for (const x of d) counts.set(x.seq, (counts.get(x.seq) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(2);
  });
});

describe("reliableChannel(options)", () => {
  it("reproduces Mathis' C = √(3/2) ≈ 1.22 within 3% under periodic loss at p ≤ 0.001", () => {
    // The sawtooth's discreteness adds O(√p) to the asymptotic law: 2% at p = 0.001.
    for (const loss of [0.0003, 0.001])
      expect(Math.abs(communication.reliableChannel({ loss, pattern: "periodic", rounds: 20_000 }).measuredC / communication.MATHIS_C - 1)).toBeLessThan(0.03);
  });
  it("stays within 10% of Mathis' law under random loss for 0.001 ≤ p ≤ 0.01", () => {
    for (const loss of [0.001, 0.003, 0.01]) {
      const r = communication.reliableChannel({ loss, rounds: 20_000, seed: 2 });
      expect(Math.abs(r.goodputBytesPerSecond / r.mathisBytesPerSecond - 1)).toBeLessThan(0.1);
    }
  });
  it("halves the goodput when the RTT doubles and when the loss quadruples", () => {
    const base = communication.reliableChannel({ loss: 0.0004, pattern: "periodic", rttMs: 50 }).goodputBytesPerSecond;
    expect(communication.reliableChannel({ loss: 0.0004, pattern: "periodic", rttMs: 100 }).goodputBytesPerSecond / base).toBeCloseTo(0.5, 5);
    expect(communication.reliableChannel({ loss: 0.0016, pattern: "periodic", rttMs: 50 }).goodputBytesPerSecond / base).toBeCloseTo(0.5, 1);
  });
  it("retransmits about a fraction p of what it sends and never exceeds the receiver window", () => {
    const r = communication.reliableChannel({ loss: 0.001, maxWindow: 20, rttMs: 100, mss: 1000, rounds: 5000 });
    expect(r.retransmitted / r.sent).toBeCloseTo(0.001, 3);
    expect(r.goodputBytesPerSecond).toBeLessThanOrEqual((20 * 1000) / 0.1);
  });
  it("rejects a loss of 0 or above 0.5", () => {
    expect(() => communication.reliableChannel({ loss: 0 })).toThrow("invalid loss: 0 (expected a number in (0, 0.5])");
  });
});
