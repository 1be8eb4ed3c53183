import { describe, expect, it } from "vitest";
import { createRng, exponential, lognormal, lognormalFromQuantiles, pareto, zipf, zipfCdf } from "../../src/random";
import { quantile } from "../../src/stats";

describe("createRng(seed)", () => {
  it("gives the same stream for the same seed and a different one for another", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.random());
    expect(Array.from({ length: 100 }, () => b.random())).toEqual(xs);
    expect(createRng(43).random()).not.toBe(xs[0]);
  });
  it("draws random() in [0, 1) and int(n) in [0, n)", () => {
    const rng = createRng(1);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.random();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
  });
  it("spreads int(10) evenly (chi-square below the 99.9% critical value 27.9 for 9 degrees of freedom)", () => {
    const rng = createRng(9);
    const counts = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.int(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });
  it("forks independent streams without disturbing determinism", () => {
    const a = createRng(5);
    const fa = a.fork();
    const b = createRng(5);
    const fb = b.fork();
    expect(fa.random()).toBe(fb.random());
    expect(a.random()).toBe(b.random());
    expect(fa.random()).not.toBe(a.random());
  });
  it("rejects seeds outside [0, 2^32 - 1]", () => {
    expect(() => createRng(-1)).toThrow("invalid seed: -1 (expected an integer in [0, 4294967295])");
    expect(() => createRng(1.5)).toThrow("invalid seed: 1.5");
  });
});

describe("distributions", () => {
  const n = 100_000;
  it("exponential(rate) has mean 1/rate (within 4 standard errors)", () => {
    const draw = exponential(createRng(2), 0.5);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += draw();
    expect(Math.abs(sum / n - 2)).toBeLessThan((4 * 2) / Math.sqrt(n));
  });
  it("lognormalFromQuantiles puts the median and the 99th percentile where asked", () => {
    const { mu, sigma } = lognormalFromQuantiles(10, 100);
    const xs = Float64Array.from({ length: n }, lognormal(createRng(3), mu, sigma));
    expect(quantile(xs, 0.5)).toBeGreaterThan(9.7);
    expect(quantile(xs, 0.5)).toBeLessThan(10.3);
    expect(quantile(xs, 0.99)).toBeGreaterThan(93);
    expect(quantile(xs, 0.99)).toBeLessThan(107);
  });
  it("pareto(xm, alpha) has P(X > x) = (xm/x)^alpha", () => {
    const xs = Float64Array.from({ length: n }, pareto(createRng(4), 1, 2));
    const above = xs.filter((x) => x > 3).length / n;
    expect(Math.abs(above - 1 / 9)).toBeLessThan(4 * Math.sqrt(((1 / 9) * (8 / 9)) / n));
  });
  it("zipf(n, s) follows zipfCdf", () => {
    const cdf = zipfCdf(100, 1);
    const draw = zipf(createRng(6), 100, 1);
    let top = 0;
    for (let i = 0; i < n; i++) if (draw() === 1) top++;
    expect(Math.abs(top / n - cdf[0])).toBeLessThan(4 * Math.sqrt((cdf[0] * (1 - cdf[0])) / n));
    expect(cdf[99]).toBe(1);
  });
});
