import { describe, expect, it } from "vitest";
import { models } from "../../src";

describe("driftPerDaySeconds(ppm)", () => {
  it("makes 200 ppm about 17 s a day and 6 ms every 30 s", () => {
    expect(models.driftPerDaySeconds(200)).toBeCloseTo(17.28, 2);
    expect(models.driftPerDaySeconds(200) * (30 / 86_400)).toBeCloseTo(0.006, 6);
  });
});

describe("simulateClocks(options)", () => {
  it("drifts apart at up to 2ρ without resync", () => {
    const { skew } = models.simulateClocks({ method: "none", durationS: 1000, maxDriftPpm: 200, seed: 3 });
    const last = (skew.objects() as { skew_ms: number }[]).at(-1)!;
    expect(last.skew_ms).toBeGreaterThan(0);
    expect(last.skew_ms).toBeLessThanOrEqual(2 * 200e-6 * 1000 * 1000);
  });
  it("reports each clock's drift rate, within ±maxDriftPpm, and without resync each offset is that rate times the time", () => {
    const { drifts, trace } = models.simulateClocks({ method: "none", clocks: 7, durationS: 500, maxDriftPpm: 150, seed: 4 });
    const rates = drifts.objects() as { clock: string; drift_ppm: number }[];
    expect(rates.map((r) => r.clock)).toEqual(Array.from({ length: 7 }, (_, c) => `clock ${c}`));
    for (const r of rates) expect(Math.abs(r.drift_ppm)).toBeLessThanOrEqual(150);
    const end = (trace.objects() as { time_s: number; clock: string; offset_ms: number }[]).filter((r) => r.time_s === 500);
    for (const r of rates) expect(end.find((e) => e.clock === r.clock)!.offset_ms).toBeCloseTo(r.drift_ppm * 1e-6 * 500 * 1000, 9);
  });
  it("keeps every Cristian resync within its bound RTT/2 − minimum delay", () => {
    for (const method of ["cristian", "berkeley"] as const) {
      const rows = models.simulateClocks({ method, seed: 5 }).resyncs.objects() as { error_ms: number; bound_ms: number }[];
      expect(rows.length).toBeGreaterThan(100);
      for (const r of rows) expect(Math.abs(r.error_ms)).toBeLessThanOrEqual(r.bound_ms + 1e-12);
    }
  });
  it("lets Berkeley's clocks agree with each other while their common time drifts from true time", () => {
    const { skew } = models.simulateClocks({ method: "berkeley", clocks: 3, durationS: 36_000, periodS: 60, sampleS: 60, seed: 1 });
    const rows = skew.objects() as { skew_ms: number; max_offset_ms: number }[];
    const last = rows.at(-1)!;
    expect(last.max_offset_ms).toBeGreaterThan(5 * last.skew_ms);
  });
});

describe("skewVsResyncPeriod(options)", () => {
  it("never exceeds 2ρP + 2ε, and grows like 2ρP once P is long", () => {
    const rows = models.skewVsResyncPeriod({ periods: [10, 100, 1000], seed: 2 }).objects() as {
      period_s: number;
      max_skew_ms: number;
      bound_ms: number;
      drift_bound_ms: number;
    }[];
    for (const r of rows) expect(r.max_skew_ms).toBeLessThanOrEqual(r.bound_ms + 1e-9);
    for (const r of rows.filter((x) => x.period_s === 1000)) expect(r.max_skew_ms).toBeGreaterThan(0.5 * r.drift_bound_ms);
  });
});

describe("memoryAccessTime(options) and breakEvenRemoteFraction(local, remote)", () => {
  it("doubles the mean access time when one access in about 5,000 goes across a data centre", () => {
    const f = models.breakEvenRemoteFraction(100, 500_000);
    expect(1 / f).toBeCloseTo(4999, 6);
    const [row] = models
      .memoryAccessTime({ remoteFractions: [f] })
      .objects()
      .filter((r) => (r as { tier: string }).tier === "DSM in one data centre") as { slowdown: number }[];
    expect(row.slowdown).toBeCloseTo(2, 9);
  });
});

describe("failureClasses(options)", () => {
  type Row = { failure: string; rule: string; right: number; wrong: number; no_answer: number; mean_wait_ms: number };
  const one = models.failureClasses({ replicas: 1, faulty: 1, misbehaviour: 0.3, seed: 2 }).objects() as Row[];
  const three = models.failureClasses({ replicas: 3, faulty: 1, misbehaviour: 0.3, seed: 2 }).objects() as Row[];
  const at = (rows: Row[], failure: string, rule: string) => rows.find((r) => r.failure === failure && r.rule === rule)!;
  it("shows each class's own effect on a single server: omission loses ~30% of answers, timing the late share of them, byzantine makes ~30% wrong", () => {
    expect(Math.abs(at(one, "omission", "first answer").no_answer - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(at(one, "byzantine", "first answer").wrong - 0.3)).toBeLessThan(0.02);
    // A slowed answer, 10·(2 + Exp(5)) ms, misses the 50 ms deadline when Exp(5) > 3: 0.3·e^(−0.6) = 0.165.
    expect(Math.abs(at(one, "timing", "first answer").no_answer - 0.3 * Math.exp(-0.6))).toBeLessThan(0.015);
    expect(at(one, "crash", "first answer").no_answer).toBeGreaterThan(0);
  });
  it("masks one faulty replica of three with a majority, but lets a fast byzantine replica fool 'first answer'", () => {
    for (const failure of ["crash", "omission", "timing", "byzantine"]) expect(at(three, failure, "majority").right).toBeGreaterThanOrEqual(0.999);
    expect(Math.abs(at(three, "byzantine", "first answer").wrong - 0.3)).toBeLessThan(0.02);
    expect(at(three, "none", "majority").mean_wait_ms).toBeGreaterThan(at(three, "none", "first answer").mean_wait_ms);
  });
});
