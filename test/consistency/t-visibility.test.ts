import { describe, expect, it } from "vitest";
import { consistentReadProbability, stalenessWindows, tVisibility, tVisibilityCurve } from "../../src/consistency";

// Published numbers: Bailis et al., "Probabilistically Bounded Staleness", VLDB 2012, Sec. 5.2
// (N = 3, LNKD-DISK). With 100,000 trials a probability near 0.44 has a standard error of 0.0016.
const DISK = { n: 3, profile: "LNKD-DISK" as const, trials: 100_000, seed: 1 };

describe("consistentReadProbability({ n, r, w, profile, tMs, trials, seed })", () => {
  it("reproduces the paper's 43.9% immediately consistent reads for R = W = 1 (within 3 standard errors)", () => {
    expect(Math.abs(consistentReadProbability({ ...DISK, r: 1, w: 1, tMs: 0 }) - 0.439)).toBeLessThan(0.005);
  });

  it("reproduces 92.5% at 10 ms, and 57.5% (N = 2) falling to 21.1% (N = 10) at 0 ms", () => {
    expect(Math.abs(consistentReadProbability({ ...DISK, tMs: 10 }) - 0.925)).toBeLessThan(0.004);
    expect(Math.abs(consistentReadProbability({ ...DISK, n: 2, tMs: 0 }) - 0.575)).toBeLessThan(0.005);
    expect(Math.abs(consistentReadProbability({ ...DISK, n: 10, tMs: 0 }) - 0.211)).toBeLessThan(0.005);
  });

  it("is 1 at once when R + W > N (strict quorums always overlap)", () => {
    expect(consistentReadProbability({ ...DISK, trials: 20_000, r: 2, w: 2, tMs: 0 })).toBe(1);
    expect(consistentReadProbability({ ...DISK, trials: 20_000, r: 1, w: 3, tMs: 0 })).toBe(1);
  });

  it("grows with the time since the commit", () => {
    const ps = [0, 1, 5, 20, 100].map((tMs) => consistentReadProbability({ ...DISK, trials: 20_000, tMs }));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]);
  });

  it("is deterministic in its seed and rejects bad parameters, naming them", () => {
    expect(consistentReadProbability({ ...DISK, trials: 1000, seed: 7 })).toBe(consistentReadProbability({ ...DISK, trials: 1000, seed: 7 }));
    expect(() => consistentReadProbability({ n: 3, r: 4 })).toThrow(new RangeError("invalid r: 4 (expected an integer in [1, 3])"));
    expect(() => consistentReadProbability({ tMs: -1 })).toThrow(new RangeError("invalid tMs: -1 (expected a number in [0, ∞))"));
    expect(() => consistentReadProbability({ profile: "SSD" as never })).toThrow(
      new RangeError('invalid profile: "SSD" (expected one of "LNKD-SSD", "LNKD-DISK", "YMMR", "WAN")'),
    );
  });
});

describe("tVisibility({ n, r, w, profile, probability, trials, seed })", () => {
  it("finds R = W = 1's 99.9% point where the paper does, on the flat tail of the curve", () => {
    // The paper reports 45.5 ms. Our exact quantile of 100,000 trials is ~52 ms, but the curve there
    // is almost flat: between 40 and 60 ms it gains under 0.1 points, so 45.5 ms holds 99.87% of
    // reads, 0.03 points short of 99.9%. The paper's sweep drew fresh samples at each t and stopped at
    // the first t whose estimate reached 99.9%, which a standard error of ~0.03 points (10^4 samples)
    // reaches early. We check the probability at 45.5 ms (tight) and the quantile (loose).
    const t = tVisibility({ ...DISK, r: 1, w: 1, probability: 0.999 });
    expect(t).toBeGreaterThan(40);
    expect(t).toBeLessThan(60);
    expect(Math.abs(consistentReadProbability({ ...DISK, tMs: 45.5 }) - 0.999)).toBeLessThan(0.0005);
  });

  it("reproduces R = 2, W = 1 reaching 99.9% at 13.6 ms (within 10%)", () => {
    const t = tVisibility({ ...DISK, r: 2, w: 1, probability: 0.999 });
    expect(Math.abs(t - 13.6) / 13.6).toBeLessThan(0.1);
  });

  it("is 0 for strict quorums and never decreases with the probability asked", () => {
    expect(tVisibility({ ...DISK, trials: 10_000, r: 2, w: 2 })).toBe(0);
    const ts = [0.5, 0.9, 0.99, 0.999].map((probability) => tVisibility({ ...DISK, trials: 20_000, probability }));
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThanOrEqual(ts[i - 1]);
  });

  it("orders the profiles as the paper does: SSD fastest, then disk, then WAN's 75 ms hops", () => {
    const at = (profile: "LNKD-SSD" | "LNKD-DISK" | "WAN" | "YMMR") => tVisibility({ n: 3, profile, probability: 0.999, trials: 20_000, seed: 2 });
    expect(at("LNKD-SSD")).toBeLessThan(at("LNKD-DISK"));
    expect(at("LNKD-DISK")).toBeLessThan(at("WAN"));
    expect(at("WAN")).toBeGreaterThan(75);
  });

  it("rejects a probability outside (0, 1]", () => {
    expect(() => tVisibility({ probability: 0 })).toThrow(new RangeError("invalid probability: 0 (expected a number in (0, 1])"));
  });
});

describe("stalenessWindows(options)", () => {
  it("returns one non-negative window per trial, all zero when R + W > N", () => {
    const w = stalenessWindows({ trials: 5000, seed: 3 });
    expect(w.length).toBe(5000);
    expect(w.every((x) => x >= 0)).toBe(true);
    expect(stalenessWindows({ n: 5, r: 3, w: 3, trials: 2000 }).every((x) => x === 0)).toBe(true);
  });

  it("gives the same windows for the same options, each caller its own copy, whatever came between", () => {
    const first = stalenessWindows({ trials: 3000, seed: 4 });
    const copy = Float64Array.from(first);
    first.sort().fill(-1);
    expect(stalenessWindows({ trials: 3000, seed: 4 })).toEqual(copy);
    expect(stalenessWindows({ trials: 3000, seed: 5 })).not.toEqual(copy);
    expect(stalenessWindows({ seed: 4, trials: 3000 })).toEqual(copy);
    // Different options after the same ones: simulated afresh, not served from the last.
    expect(stalenessWindows({ trials: 3000, seed: 4, r: 2 })).not.toEqual(copy);
  });
});

describe("tVisibilityCurve(options)", () => {
  it("has one row per time, agreeing with consistentReadProbability at each", () => {
    const curve = tVisibilityCurve({ ...DISK, trials: 20_000, timesMs: [0, 10, 45.5] }).objects() as { t_ms: number; consistent: number; profile: string }[];
    expect(curve.map((row) => row.t_ms)).toEqual([0, 10, 45.5]);
    for (const row of curve) expect(row.consistent).toBe(consistentReadProbability({ ...DISK, trials: 20_000, tMs: row.t_ms }));
    expect(curve[0].profile).toBe("LNKD-DISK");
  });
});
