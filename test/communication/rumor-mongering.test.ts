import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { communication } from "../../src";

describe("rumorResidue({ k })", () => {
  it("gives Demers' residues 0.203 for k = 1 and 0.060 for k = 2", () => {
    expect(communication.rumorResidue({ k: 1 })).toBeCloseTo(0.2032, 4);
    expect(communication.rumorResidue({ k: 2 })).toBeCloseTo(0.0595, 4);
    expect(communication.rumorResidue()).toBe(communication.rumorResidue({ k: 1 }));
  });
  it("returns the root of s = e^(−(k+1)(1−s)) inside (0, 1), decreasing in k", () => {
    let previous = 1;
    for (let k = 1; k <= 20; k++) {
      const s = communication.rumorResidue({ k });
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(previous);
      expect(Math.abs(s - Math.exp(-(k + 1) * (1 - s)))).toBeLessThan(1e-12);
      previous = s;
    }
  });
  it("rejects a k outside [1, 20] naming it", () => {
    expect(() => communication.rumorResidue({ k: 0 })).toThrow("invalid k: 0 (expected an integer in [1, 20])");
    expect(() => communication.rumorResidue({ k: 1.5 })).toThrow(RangeError);
    expect(() => communication.rumorResidue({ k: 21 })).toThrow("invalid k: 21");
  });
});

describe("simulateRumorMongering({ n, k, seed })", () => {
  it("returns residue, rounds and messages, the same for the same seed", () => {
    const a = communication.simulateRumorMongering({ n: 1000, k: 1, seed: 1 });
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["residue", "rounds", "messages"]));
    expect(communication.simulateRumorMongering({ n: 1000, k: 1, seed: 1 })).toEqual(a);
    expect(communication.simulateRumorMongering({ n: 1000, k: 1, seed: 2 })).not.toEqual(a);
  });
  it("sends exactly (k+1)·m − 1 messages with counters: m − 1 that inform, k unnecessary ones per informed site", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (n, k, seed) => {
        const r = communication.simulateRumorMongering({ n, k, seed });
        expect(r.messages).toBe((k + 1) * r.informed - 1);
        expect(r.residue).toBeCloseTo((n - r.informed) / n, 12);
        // Demers et al.'s traffic bounds for counters.
        expect(r.messages).toBeLessThanOrEqual(k * (2 * r.informed - 1));
      }),
      { numRuns: 100 },
    );
  });
  it("has a mean residue over seeds that approaches rumorResidue(k) as n grows", () => {
    // 10 runs of 20,000 sites: the residue's standard deviation per run is about √(s(1−s)·c/n) with
    // c ≈ 5–10 for this epidemic (≈ 0.007 at k = 1), so the mean of 10 is within 0.006 at > 2.5 σ.
    for (const k of [1, 2, 3]) {
      let sum = 0;
      for (let seed = 1; seed <= 10; seed++) sum += communication.simulateRumorMongering({ n: 20_000, k, seed }).residue;
      expect(Math.abs(sum / 10 - communication.rumorResidue({ k }))).toBeLessThan(0.006);
    }
  });
  it("with the coin variant also reaches the closed form (the mean-field model only needs a mean of k unnecessary contacts)", () => {
    let sum = 0;
    for (let seed = 1; seed <= 10; seed++) sum += communication.simulateRumorMongering({ n: 20_000, k: 2, loss: "coin", seed }).residue;
    expect(Math.abs(sum / 10 - communication.rumorResidue({ k: 2 }))).toBeLessThan(0.006);
  });
  it("validates n, k, loss and seed", () => {
    expect(() => communication.simulateRumorMongering({ n: 1 })).toThrow("invalid n: 1");
    expect(() => communication.simulateRumorMongering({ k: 0 })).toThrow("invalid k: 0 (expected an integer in [1, 20])");
    expect(() => communication.simulateRumorMongering({ loss: "dice" as never })).toThrow('invalid loss: "dice"');
    expect(() => communication.simulateRumorMongering({ seed: -1 })).toThrow("invalid seed: -1");
  });
});

describe("sweepRumorResidue(options)", () => {
  const rows = communication.sweepRumorResidue({ ks: [1, 2, 3], n: 2000, runs: 40, seed: 7 }).objects() as Record<string, number>[];
  it("holds the closed-form residue inside the 95% interval of the mean for each k", () => {
    for (const r of rows) {
      expect(r.residue_lower).toBeLessThanOrEqual(r.residue_closed_form);
      expect(r.residue_upper).toBeGreaterThanOrEqual(r.residue_closed_form);
    }
  });
  it("keeps every run's traffic within Demers' bounds (k+1)·m − 1 and k·(2m − 1)", () => {
    for (const r of rows) {
      expect(r.runs_within_bounds).toBe(1);
      expect(r.messages_per_site).toBeGreaterThanOrEqual(r.traffic_lower_bound - 1e-9);
      expect(r.messages_per_site).toBeLessThanOrEqual(r.traffic_upper_bound + 1e-9);
    }
  });
});
