import { describe, expect, it } from "vitest";
import { chord } from "../../src";

describe("chord.pathLengths(options)", () => {
  it("grows as 1/2 log2 N: slope 1/2 per doubling, offset the final hop to the owner", () => {
    const rows = chord.pathLengths({ minExponent: 6, maxExponent: 12, lookupsPerNode: 10, seed: 2 }).objects() as {
      exponent: number;
      mean_hops: number;
      half_log2_n: number;
    }[];
    expect(rows.map((r) => r.exponent)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    // Least-squares slope of mean hops against log2 N; the paper's model gives 0.5. With
    // ≥ 640 lookups per point, the mean's standard error is below 0.06 hops, so ±0.08 on the slope.
    const xs = rows.map((r) => r.exponent);
    const ys = rows.map((r) => r.mean_hops);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(0.42);
    expect(slope).toBeLessThan(0.58);
    // hops counts the last message to the owner, so it sits between 1/2 log2 N and 1/2 log2 N + 1.
    for (const r of rows) {
      expect(r.mean_hops).toBeGreaterThan(r.half_log2_n);
      expect(r.mean_hops).toBeLessThan(r.half_log2_n + 1);
    }
  });
  it("is deterministic in its seed", () => {
    const a = chord.pathLengths({ maxExponent: 6, lookupsPerNode: 5, seed: 9 }).objects();
    expect(chord.pathLengths({ maxExponent: 6, lookupsPerNode: 5, seed: 9 }).objects()).toEqual(a);
  });
  it("rejects an exponent range beyond the ring", () => {
    expect(() => chord.pathLengths({ bits: 10, maxExponent: 12 })).toThrow("invalid maxExponent: 12 (expected an integer in [3, 10])");
  });
});

describe("chord.loadBalance(options)", () => {
  // The paper (Sec. 6.2): 10^4 nodes, 5·10^5 keys: 99th percentile 4.6x the mean; with 10^6
  // keys and 20 virtual nodes, 99th percentile 1.6x and 1st 0.5x. Under the model, a node's
  // share is an exponential arc (99th percentile ln 100 = 4.6) or, with v virtual nodes, a
  // Gamma(v)/v one (1.6x and 0.5x at v = 20); one run of 10^4 nodes puts the percentiles
  // within about ±0.3 (1 node) and ±0.1 (20 virtual nodes) of those values.
  const rows = chord.loadBalance({ keys: [500_000, 1_000_000], virtualNodes: [1, 20], seed: 1 }).objects() as {
    keys: number;
    virtual_nodes: number;
    p1_ratio: number;
    p99_ratio: number;
    max_ratio: number;
    empty_fraction: number;
  }[];
  it("leaves some nodes empty and puts 4.6x the mean on the 99th percentile with one id per node", () => {
    const one = rows.find((r) => r.keys === 500_000 && r.virtual_nodes === 1)!;
    expect(one.p1_ratio).toBe(0);
    expect(one.empty_fraction).toBeGreaterThan(0);
    expect(one.p99_ratio).toBeGreaterThan(4.3);
    expect(one.p99_ratio).toBeLessThan(4.9);
    expect(one.max_ratio).toBeGreaterThan(6);
  });
  it("narrows to 1.6x and 0.5x with 20 virtual nodes per node", () => {
    const twenty = rows.find((r) => r.keys === 1_000_000 && r.virtual_nodes === 20)!;
    expect(twenty.p99_ratio).toBeGreaterThan(1.5);
    expect(twenty.p99_ratio).toBeLessThan(1.7);
    expect(twenty.p1_ratio).toBeGreaterThan(0.4);
    expect(twenty.p1_ratio).toBeLessThan(0.6);
  });
  it("counts every key exactly once", () => {
    const counts = chord.keysPerNode({ nodes: 100, keys: 12_345, virtualNodes: 3, seed: 4 });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12_345);
    expect(() => chord.keysPerNode({ nodes: 10, keys: 5, virtualNodes: 0 })).toThrow("invalid virtualNodes: 0 (expected an integer in [1, 1000])");
  });
});

describe("chord.failedLookups(options)", () => {
  it("fails about a fraction f of lookups when f of the nodes fail at once (the lost keys)", () => {
    const rows = chord.failedLookups({ nodes: 10_000, fractions: [0, 0.1, 0.3], lookups: 5_000, seed: 3 }).objects() as {
      fraction: number;
      failed_fraction: number;
      lower: number;
      upper: number;
      no_route: number;
    }[];
    expect(rows[0].failed_fraction).toBe(0);
    for (const r of rows.slice(1)) {
      // Exactly round(f·N) nodes die; the dead nodes' arcs cover f of the ring up to a standard
      // deviation of about sqrt(2f(1-f)/N) ≈ 0.0065, plus binomial noise of the lookups ≈ 0.0065:
      // 0.035 is more than 3.5 standard deviations.
      expect(Math.abs(r.failed_fraction - r.fraction)).toBeLessThan(0.035);
      expect(r.no_route).toBe(0);
    }
  });
  it("cannot route when a node's whole successor list is dead", () => {
    const ring = chord.ring({ bits: 6, nodes: [1, 8, 14, 21, 32] });
    const failed = [8, 14];
    expect(chord.lookupWithFailures(ring, { failed, successors: 2, from: 1, key: 20 })).toEqual({ outcome: "no-route", hops: 0 });
    expect(chord.lookupWithFailures(ring, { failed, successors: 3, from: 1, key: 20 })).toEqual({ outcome: "ok", hops: 1 });
    expect(chord.lookupWithFailures(ring, { failed, successors: 3, from: 1, key: 10 })).toEqual({ outcome: "key-lost", hops: 0 });
    expect(chord.lookupWithFailures(ring, { failed: [], successors: 1, from: 1, key: 30 })).toEqual({ outcome: "ok", hops: 2 });
  });
  it("rejects failed ids, successor lists, sources and keys outside their ranges, naming each", () => {
    const ring = chord.ring({ bits: 6, nodes: [1, 8, 14, 21, 32] });
    const base = { failed: [8], successors: 2, from: 1, key: 20 };
    expect(() => chord.lookupWithFailures(ring, { ...base, failed: [8, 9] })).toThrow(
      new RangeError("invalid failed[1]: 9 (expected the id of a node of the ring)"),
    );
    expect(() => chord.lookupWithFailures(ring, { ...base, failed: 8 as never })).toThrow(new TypeError("invalid failed: 8 (expected an array of node ids)"));
    expect(() => chord.lookupWithFailures(ring, { ...base, successors: 5 })).toThrow(new RangeError("invalid successors: 5 (expected an integer in [1, 4])"));
    expect(() => chord.lookupWithFailures(ring, { ...base, from: 8 })).toThrow(new RangeError("invalid from: 8 (expected a node that has not failed)"));
    expect(() => chord.lookupWithFailures(ring, { ...base, from: 2 })).toThrow(new RangeError("invalid from: 2 (expected the id of a node of the ring)"));
    expect(() => chord.lookupWithFailures(ring, { ...base, key: 64 })).toThrow(new RangeError("invalid key: 64 (expected an integer in [0, 63])"));
  });
});
