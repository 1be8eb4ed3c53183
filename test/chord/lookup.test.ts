import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chord } from "../../src";

describe("chord.lookup(ring, from, key)", () => {
  const ring = chord.ring({ bits: 6, nodes: [1, 8, 14, 21, 32, 38, 42, 48, 51, 56] });
  it("routes K54 from N8 through N42 and N51 to N56, as in the paper", () => {
    expect(chord.lookup(ring, 8, 54)).toEqual({ owner: 56, path: [8, 42, 51, 56], hops: 3 });
  });
  it("answers with [itself] and 0 hops when the receiving node owns the key", () => {
    expect(chord.lookup(ring, 8, 5)).toEqual({ owner: 8, path: [8], hops: 0 });
    expect(chord.lookup(ring, 1, 60)).toEqual({ owner: 1, path: [1], hops: 0 });
    expect(chord.lookup(chord.ring({ bits: 6, nodes: [7] }), 7, 40)).toEqual({ owner: 7, path: [7], hops: 0 });
  });
  it("takes one hop when the key belongs to the successor", () => {
    expect(chord.lookup(ring, 56, 60)).toEqual({ owner: 1, path: [56, 1], hops: 1 });
  });
  it("rejects a source that is not a node and a key outside the ring", () => {
    expect(() => chord.lookup(ring, 9, 54)).toThrow("invalid from: 9 (expected the id of a node of the ring)");
    expect(() => chord.lookup(ring, 8, 64)).toThrow("invalid key: 64 (expected an integer in [0, 63])");
  });
  it("always ends at successor(key), within m hops, moving clockwise without passing the key", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), fc.nat(), (bits, n, seed, fromPick, keyPick) => {
        const r = chord.randomRing({ bits, n: Math.min(n, 2 ** bits), seed: seed % 4294967296 });
        const from = r.ids[fromPick % r.ids.length];
        const key = keyPick % r.size;
        const result = chord.lookup(r, from, key);
        expect(result.owner).toBe(chord.successor(r, key));
        expect(result.path[0]).toBe(from);
        expect(result.path.at(-1)).toBe(result.owner);
        expect(result.hops).toBe(result.path.length - 1);
        expect(result.hops).toBeLessThanOrEqual(bits);
        expect(chord.lookupHops(r, from, key)).toBe(result.hops);
        // Distances to the key (clockwise) shrink strictly along the path, owner excepted.
        const toKey = (id: number) => (key - id + r.size) % r.size;
        for (let i = 1; i < result.path.length - 1; i++) expect(toKey(result.path[i])).toBeLessThan(toKey(result.path[i - 1]));
      }),
      { numRuns: 300 },
    );
  });
});
