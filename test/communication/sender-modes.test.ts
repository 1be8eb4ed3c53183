import { describe, expect, it } from "vitest";
import { communication } from "../../src";

type Row = Record<string, number> & { mode: string };

describe("senderModes(options)", () => {
  const rows = communication.senderModes({ arrivalRates: [20, 40, 60, 120], serviceMs: 10, oneWayMs: 5, messages: 20_000, seed: 2 }).objects() as Row[];
  const at = (mode: string, rate: number) => rows.find((r) => r.mode === mode && r.arrival_rate === rate)!;
  it("keeps the asynchronous receiver's mean queue near the M/M/1 value ρ/(1 − ρ) while ρ < 1", () => {
    // 20,000 messages: at ρ = 0.6 the time-average queue has a relative standard error of a few percent.
    for (const rate of [20, 40, 60]) expect(at("asynchronous", rate).receiver_queue).toBeCloseTo(at("asynchronous", rate).receiver_queue_closed_form, 0);
    expect(Math.abs(at("asynchronous", 60).receiver_queue / at("asynchronous", 60).receiver_queue_closed_form - 1)).toBeLessThan(0.15);
  });
  it("blocks the synchronous sender a fraction λ·(2d + S) of the time and caps its throughput at 1/(2d + S)", () => {
    expect(Math.abs(at("synchronous", 20).blocked_fraction - 0.4)).toBeLessThan(0.02);
    expect(at("synchronous", 60).throughput).toBeLessThan(51);
    expect(at("synchronous", 60).throughput).toBeGreaterThan(47);
    expect(at("asynchronous", 60).throughput).toBeGreaterThan(57);
  });
  it("matches the Pollaczek–Khinchine outbox of the synchronous sender within 15% at ρ = 0.4", () => {
    const r = at("synchronous", 20);
    expect(Math.abs(r.sender_backlog / r.sender_backlog_closed_form - 1)).toBeLessThan(0.15);
  });
  it("lets the asynchronous receiver's queue grow without bound once λ > 1/S", () => {
    expect(at("asynchronous", 120).receiver_queue).toBeGreaterThan(100);
    expect(Number.isNaN(at("asynchronous", 120).receiver_queue_closed_form)).toBe(true);
  });
});
