import { mean as ssMean, sampleStandardDeviation } from "simple-statistics";
import { checkInteger, checkNumber } from "../validate";

/** A point estimate with a confidence interval. */
export interface Estimate {
  /** The point estimate. */
  estimate: number;
  /** Lower end of the interval. */
  lower: number;
  /** Upper end of the interval. */
  upper: number;
  /** Confidence level of the interval, e.g. 0.95. */
  level: number;
}

/** Two-sided standard normal quantile for a confidence level (Acklam's rational approximation, |error| < 1.2e-9). */
export function zForLevel(level: number): number {
  checkNumber("level", level, { min: 0, max: 1, minOpen: true, maxOpen: true });
  return inverseNormal(1 - (1 - level) / 2);
}

function inverseNormal(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * Wilson score interval for a proportion: successes out of trials. Unlike the normal
 * approximation it stays inside [0, 1] and behaves at 0 or n successes.
 */
export function proportionInterval(successes: number, trials: number, level = 0.95): Estimate {
  checkInteger("trials", trials, 1);
  checkInteger("successes", successes, 0, trials);
  const z = zForLevel(level);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return { estimate: p, lower: Math.max(0, center - half), upper: Math.min(1, center + half), level };
}

/** Normal-approximation interval for a mean (fine for the thousands of samples our experiments draw). */
export function meanInterval(values: ArrayLike<number>, level = 0.95): Estimate {
  if (values.length < 2) throw new RangeError(`invalid values: length ${values.length} (expected at least 2 values)`);
  const xs = Array.from(values);
  const m = ssMean(xs);
  const half = (zForLevel(level) * sampleStandardDeviation(xs)) / Math.sqrt(xs.length);
  return { estimate: m, lower: m - half, upper: m + half, level };
}
