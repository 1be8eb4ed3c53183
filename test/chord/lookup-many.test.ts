import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chord } from "../../src";

describe("chord.lookupHopsMany(ring, from, keys)", () => {
  const ring = chord.ring({ bits: 6, nodes: [1, 8, 14, 21, 32, 38, 42, 48, 51, 56] });

  it("counts the paper's example routes: K54 from N8 in 3 hops, own keys in 0, the successor's in 1", () => {
    expect(Array.from(chord.lookupHopsMany(ring, [8, 8, 1, 56], [54, 5, 60, 60]))).toEqual([3, 0, 0, 1]);
  });

  it("gives lookup(ring, from[i], keys[i]).hops for every i, on rings of 1 to 2^32 ids", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 1, max: 400 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), { minLength: 1, maxLength: 60 }),
        (bits, n, seed, picks) => {
          const r = chord.randomRing({ bits, n: Math.min(n, 2 ** bits), seed });
          const from = picks.map(([i]) => r.ids[i % r.ids.length]);
          const keys = picks.map(([, u]) => Math.floor(u * r.size));
          const expected = from.map((f, i) => chord.lookup(r, f, keys[i]).hops);
          expect(Array.from(chord.lookupHopsMany(r, from, keys))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("routes more lookups than one chunk, in order, on a full ring", () => {
    const full = chord.randomRing({ bits: 12, n: 4096, seed: 3 });
    const from = Array.from({ length: 5000 }, (_, i) => (i * 2654435761) % 4096);
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 40503 + 17) % 4096);
    const hops = chord.lookupHopsMany(full, from, keys);
    expect(hops).toHaveLength(5000);
    // On a full ring a lookup follows the binary digits of the distance to the key's predecessor.
    from.forEach((f, i) => {
      const distance = (keys[i] - f + 4096) % 4096;
      const expected = distance === 0 ? 0 : popcount((distance - 1) % 4096) + 1;
      expect(hops[i]).toBe(expected);
    });
  });

  it("returns an empty result for no lookups", () => {
    expect(chord.lookupHopsMany(ring, [], [])).toEqual(new Uint8Array(0));
  });

  it("rejects sources that are not nodes, keys outside the ring and mismatched lengths, naming the entry", () => {
    expect(() => chord.lookupHopsMany(ring, [8, 9], [1, 2])).toThrow(new RangeError("invalid from[1]: 9 (expected the id of a node of the ring)"));
    expect(() => chord.lookupHopsMany(ring, [8, 64], [1, 2])).toThrow(new RangeError("invalid from[1]: 64 (expected the id of a node of the ring)"));
    expect(() => chord.lookupHopsMany(ring, [8, 1.5], [1, 2])).toThrow(new RangeError("invalid from[1]: 1.5 (expected the id of a node of the ring)"));
    expect(() => chord.lookupHopsMany(ring, [8], [64])).toThrow(new RangeError("invalid keys[0]: 64 (expected an integer in [0, 63])"));
    expect(() => chord.lookupHopsMany(ring, [8], [-1])).toThrow(new RangeError("invalid keys[0]: -1 (expected an integer in [0, 63])"));
    expect(() => chord.lookupHopsMany(ring, [8, 1], [3])).toThrow(new RangeError("invalid keys.length: 1 (expected 2, the length of from)"));
    expect(() => chord.lookupHopsMany(ring, 8 as never, [3])).toThrow(new TypeError("invalid from: 8 (expected an array of numbers)"));
    expect(() => chord.lookupHopsMany(ring, [8], null as never)).toThrow(new TypeError("invalid keys: null (expected an array of numbers)"));
  });
});

function popcount(x: number): number {
  let count = 0;
  for (; x > 0; x >>>= 1) count += x & 1;
  return count;
}
