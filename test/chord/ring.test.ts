import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chord } from "../../src";

const paperNodes = [1, 8, 14, 21, 32, 38, 42, 48, 51, 56];

describe("chord.ring({ bits, nodes }) and chord.successor(ring, id)", () => {
  const ring = chord.ring({ bits: 6, nodes: paperNodes });
  it("stores a key at the first node clockwise from it, wrapping past 2^m - 1", () => {
    expect(chord.successor(ring, 54)).toBe(56);
    expect(chord.successor(ring, 56)).toBe(56);
    expect(chord.successor(ring, 57)).toBe(1);
    expect(chord.successor(ring, 0)).toBe(1);
  });
  it("accepts nodes in any order and m up to 32", () => {
    expect(Array.from(chord.ring({ bits: 6, nodes: [56, 1, 8] }).ids)).toEqual([1, 8, 56]);
    const wide = chord.ring({ bits: 32, nodes: [0, 2 ** 31, 2 ** 32 - 1] });
    expect(chord.successor(wide, 2 ** 31 + 1)).toBe(2 ** 32 - 1);
    expect(chord.fingerTable(wide, 2 ** 32 - 1)[31]).toEqual({ k: 32, start: 2 ** 31 - 1, node: 2 ** 31 });
  });
  it("rejects bad bits, ids and duplicates with the parameter and its range", () => {
    expect(() => chord.ring({ bits: 0, nodes: [1] })).toThrow(new RangeError("invalid bits: 0 (expected an integer in [1, 32])"));
    expect(() => chord.ring({ bits: 33, nodes: [1] })).toThrow("invalid bits: 33 (expected an integer in [1, 32])");
    expect(() => chord.ring({ bits: 6, nodes: [1, 64] })).toThrow("invalid nodes[1]: 64 (expected an integer in [0, 63])");
    expect(() => chord.ring({ bits: 6, nodes: [3, 3] })).toThrow("invalid nodes: 3 (expected distinct node ids (this one appears twice))");
    expect(() => chord.ring({ bits: 6, nodes: [] })).toThrow("invalid nodes: [] (expected at least one node id)");
    expect(() => chord.successor(ring, 64)).toThrow("invalid id: 64 (expected an integer in [0, 63])");
  });
});

describe("chord.fingerTable(ring, node)", () => {
  it("reproduces the paper's examples: N8 in the m = 6 ring, node 1 in the m = 3 ring", () => {
    const ring = chord.ring({ bits: 6, nodes: paperNodes });
    const table = chord.fingerTable(ring, 8);
    expect(table).toHaveLength(6);
    expect(table[0]).toEqual({ k: 1, start: 9, node: 14 });
    expect(table.map((f) => f.node)).toEqual([14, 14, 14, 21, 32, 42]);
    expect(table.map((f) => f.start)).toEqual([9, 10, 12, 16, 24, 40]);
    expect(chord.fingerTable(chord.ring({ bits: 3, nodes: [0, 1, 3] }), 1).map((f) => f.node)).toEqual([3, 3, 0]);
  });
  it("rejects a node that is not on the ring", () => {
    const ring = chord.ring({ bits: 6, nodes: paperNodes });
    expect(() => chord.fingerTable(ring, 9)).toThrow("invalid node: 9 (expected the id of a node of the ring)");
  });
  it("makes every finger the brute-force successor of its start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1000 }), (bits, n, seed) => {
        const ring = chord.randomRing({ bits, n: Math.min(n, 2 ** bits), seed });
        const ids = Array.from(ring.ids);
        for (const node of ids) {
          for (const f of chord.fingerTable(ring, node)) {
            expect(f.start).toBe((node + 2 ** (f.k - 1)) % 2 ** bits);
            expect(f.node).toBe(ids.find((id) => id >= f.start) ?? ids[0]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("chord.randomRing({ bits, n, seed })", () => {
  it("places n distinct sorted ids, the same for the same seed", () => {
    const a = chord.randomRing({ bits: 16, n: 1000, seed: 3 });
    expect(a.ids.length).toBe(1000);
    expect(new Set(a.ids).size).toBe(1000);
    expect(Array.from(a.ids)).toEqual(Array.from(a.ids).sort((x, y) => x - y));
    expect(chord.randomRing({ bits: 16, n: 1000, seed: 3 }).ids).toEqual(a.ids);
    expect(chord.randomRing({ bits: 16, n: 1000, seed: 4 }).ids).not.toEqual(a.ids);
  });
  it("fills the whole ring when n = 2^bits", () => {
    expect(Array.from(chord.randomRing({ bits: 4, n: 16 }).ids)).toEqual([...Array(16).keys()]);
  });
  it("rejects n beyond 2^bits", () => {
    expect(() => chord.randomRing({ bits: 4, n: 17 })).toThrow("invalid n: 17 (expected an integer in [1, 16])");
  });
});
