import { checkNumber, checkPositive, checkInteger } from "../validate";
import type { Rng } from "./rng";

/** A sampler: each call draws one value from a distribution. */
export type Sampler = () => number;

/** Uniform on [min, max). */
export function uniform(rng: Rng, min = 0, max = 1): Sampler {
  checkNumber("min", min);
  checkNumber("max", max, { min, minOpen: true });
  const width = max - min;
  return () => min + width * rng.random();
}

/** Exponential with the given rate (mean 1/rate). */
export function exponential(rng: Rng, rate = 1): Sampler {
  checkPositive("rate", rate);
  // 1 - U lies in (0, 1], so the logarithm is finite.
  return () => -Math.log(1 - rng.random()) / rate;
}

/** Standard normal via Box–Muller, scaled to mean mu and standard deviation sigma. */
export function normal(rng: Rng, mu = 0, sigma = 1): Sampler {
  checkNumber("mu", mu);
  checkNumber("sigma", sigma, { min: 0 });
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return mu + sigma * z;
    }
    const u = 1 - rng.random();
    const v = rng.random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return mu + sigma * r * Math.cos(2 * Math.PI * v);
  };
}

/** Lognormal: exp of a normal with parameters mu and sigma (of the logarithm). */
export function lognormal(rng: Rng, mu = 0, sigma = 1): Sampler {
  const z = normal(rng, mu, sigma);
  return () => Math.exp(z());
}

/** Lognormal parameters (of the logarithm) that give a median and a p99 in the same unit. */
export function lognormalFromQuantiles(median: number, p99: number): { mu: number; sigma: number } {
  checkPositive("median", median);
  checkNumber("p99", p99, { min: median, minOpen: true, max: Infinity, maxOpen: true });
  // z(0.99) of the standard normal.
  const z99 = 2.3263478740408408;
  return { mu: Math.log(median), sigma: Math.log(p99 / median) / z99 };
}

/** Pareto (type I) with scale xm > 0 and shape alpha > 0: P(X > x) = (xm / x)^alpha. */
export function pareto(rng: Rng, xm = 1, alpha = 1): Sampler {
  checkPositive("xm", xm);
  checkPositive("alpha", alpha);
  return () => xm / Math.pow(1 - rng.random(), 1 / alpha);
}

/** Bernoulli: 1 with probability p, else 0. */
export function bernoulli(rng: Rng, p: number): Sampler {
  checkNumber("p", p, { min: 0, max: 1 });
  return () => (rng.random() < p ? 1 : 0);
}

/**
 * Zipf over ranks 1..n with exponent s >= 0: P(rank k) proportional to 1 / k^s.
 * Draws by binary search in a precomputed cumulative table (O(log n) a draw).
 */
export function zipf(rng: Rng, n: number, s = 1): Sampler {
  const cdf = zipfCdf(n, s);
  return () => {
    const u = rng.random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo + 1;
  };
}

/** Cumulative probabilities of Zipf(n, s): element k-1 is P(rank <= k). */
export function zipfCdf(n: number, s = 1): Float64Array {
  checkInteger("n", n, 1, 1 << 26);
  checkNumber("s", s, { min: 0, max: 10 });
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 1; k <= n; k++) {
    total += Math.pow(k, -s);
    cdf[k - 1] = total;
  }
  for (let k = 0; k < n; k++) cdf[k] /= total;
  cdf[n - 1] = 1;
  return cdf;
}
