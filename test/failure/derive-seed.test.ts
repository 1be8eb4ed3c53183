import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveSeed } from "../../src/failure";

describe("deriveSeed(seed, ...keys)", () => {
  it("gives a valid seed, the same one for the same inputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ noNaN: true }), fc.integer(), (seed, a, b) => {
        const s = deriveSeed(seed, a, b);
        expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
        expect(deriveSeed(seed, a, b)).toBe(s);
      }),
    );
  });

  it("separates neighbouring points and seeds: no collisions over a 100 × 10 × 10 grid", () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 10; seed++)
      for (const p of [0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1]) for (let n = 0; n < 100; n++) seen.add(deriveSeed(seed, p, n));
    expect(seen.size).toBe(10_000);
  });

  it("depends on the order of the keys", () => {
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 3, 2));
  });
});
