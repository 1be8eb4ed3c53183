import { tableFromRows, type Table } from "../table";
import { checkNonEmptyArray, checkPositive, checkInteger, checkOneOf, invalidRange } from "../validate";
import { heartbeatArrivals, type HeartbeatOptions, type HeartbeatStream } from "./heartbeats";

/** The detectors compared. */
export const DETECTORS = ["timeout", "phi"] as const;
export type Detector = (typeof DETECTORS)[number];

/** Chen, Toueg & Aguilera's QoS metrics of a failure detector (IEEE TC 51(5), 2002), in ms. */
export interface DetectorQoS {
  /** Mean detection time T_D: from a crash to the start of permanent suspicion. */
  detectionMs: number;
  /** Largest detection time seen. */
  maxDetectionMs: number;
  /** Mean mistake recurrence time T_MR: time between the starts of two wrong suspicions. */
  mistakeRecurrenceMs: number;
  /** Mean mistake duration T_M. */
  mistakeDurationMs: number;
  /** Query accuracy probability P_A: fraction of time a live process is trusted (= 1 − T_M/T_MR). */
  queryAccuracy: number;
  /** Wrong suspicions counted. */
  mistakes: number;
}

/** z with Φ(z) = p for the standard normal (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628274631];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lowTail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * The time after each arrival at which the detector starts to suspect if nothing else arrives.
 * Timeout: a fixed Δ. φ accrual (Hayashibara et al., SRDS 2004): φ(t) = −log10 P(next gap > t − last)
 * under a normal fitted to the last `window` inter-arrival gaps; suspecting when φ > Φ is waiting
 * μ + σ·z(1 − 10^−Φ) after the last arrival.
 */
function suspicionDelays(stream: HeartbeatStream, detector: Detector, parameter: number, window: number): Float64Array {
  const { arrivals } = stream;
  const out = new Float64Array(arrivals.length);
  if (detector === "timeout") return out.fill(parameter);
  const z = normalQuantile(1 - Math.pow(10, -parameter));
  let sum = 0;
  let sumSq = 0;
  const gaps: number[] = [];
  for (let i = 0; i < arrivals.length; i++) {
    if (i > 0) {
      const g = arrivals[i] - arrivals[i - 1];
      gaps.push(g);
      sum += g;
      sumSq += g * g;
      if (gaps.length > window) {
        const old = gaps.shift() as number;
        sum -= old;
        sumSq -= old * old;
      }
    }
    // Until a few gaps are known, assume the nominal period with a tenth of it as deviation.
    const n = gaps.length;
    const mean = n >= 2 ? sum / n : stream.periodMs;
    const sd = n >= 2 ? Math.sqrt(Math.max(sumSq / n - mean * mean, 0)) : stream.periodMs / 10;
    out[i] = mean + Math.max(sd, 1e-3 * stream.periodMs) * z;
  }
  return out;
}

/**
 * The QoS of a detector on a heartbeat stream: mistakes from the live stream (every gap longer than
 * the detector's wait is a wrong suspicion, lasting until the next arrival), and detection times
 * from `crashes` crash instants spread evenly over the run (the crash stops later heartbeats; the
 * detector suspects for good at the wait after the last arrival of a heartbeat sent before it).
 */
export function detectorQoS(
  stream: HeartbeatStream,
  detector: Detector,
  parameter: number,
  { window = 1000, crashes = 500 }: { window?: number; crashes?: number } = {},
): DetectorQoS {
  checkOneOf("detector", detector, DETECTORS);
  checkPositive(detector === "timeout" ? "timeout" : "threshold", parameter);
  checkInteger("window", window, 2, 1_000_000);
  checkInteger("crashes", crashes, 1, 1_000_000);
  const { arrivals, sent, periodMs } = stream;
  const wait = suspicionDelays(stream, detector, parameter, window);
  let mistakes = 0;
  let wrongTime = 0;
  for (let i = 0; i + 1 < arrivals.length; i++) {
    const gap = arrivals[i + 1] - arrivals[i];
    if (gap > wait[i]) {
      mistakes++;
      wrongTime += gap - wait[i];
    }
  }
  const observed = arrivals[arrivals.length - 1] - arrivals[0];
  // Crashes in the second half of the run, after φ's window has filled.
  const detection: number[] = [];
  const first = stream.endMs / 2;
  for (let k = 0; k < crashes; k++) {
    const crash = first + ((k + 0.5) / crashes) * (stream.endMs - first - 5 * periodMs);
    // The last arrival of a heartbeat sent before the crash; arrivals after it are of earlier heartbeats only if reordered.
    let last = -Infinity;
    let lastIndex = -1;
    let lo = 0;
    let hi = arrivals.length;
    // Arrivals are sorted; heartbeats sent before the crash arrive before crash + max delay. Scan a small range.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (arrivals[mid] < crash) lo = mid + 1;
      else hi = mid;
    }
    for (let i = Math.max(0, lo - 50); i < arrivals.length && arrivals[i] < crash + 50 * periodMs; i++) {
      if (sent[i] * periodMs <= crash && arrivals[i] > last) {
        last = arrivals[i];
        lastIndex = i;
      }
    }
    if (lastIndex < 0) throw invalidRange("stream", "too short", "heartbeats before every crash instant");
    detection.push(Math.max(0, last + wait[lastIndex] - crash));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    detectionMs: mean(detection),
    maxDetectionMs: Math.max(...detection),
    mistakeRecurrenceMs: mistakes > 0 ? observed / mistakes : Infinity,
    mistakeDurationMs: mistakes > 0 ? wrongTime / mistakes : 0,
    queryAccuracy: 1 - wrongTime / observed,
    mistakes,
  };
}

/** Options for detectorTradeoff. */
export interface DetectorTradeoffOptions extends HeartbeatOptions {
  /** Timeouts Δ swept for the timeout detector, ms. Defaults to 110, 125, 150, …, 400. */
  timeouts?: readonly number[];
  /** Thresholds Φ swept for the φ accrual detector. Defaults to 0.5, 1, 2, …, 8. */
  thresholds?: readonly number[];
  /** Gaps φ's normal fit remembers. Defaults to 1000 (as in Hayashibara et al.). */
  window?: number;
}

/**
 * Detection time vs mistakes as the timeout (or φ's threshold) moves, on one heartbeat stream:
 * one row per (detector, parameter) with Chen–Toueg–Aguilera's T_D, T_MR, T_M, P_A and the mistake
 * rate λ_M = 1/T_MR (per hour).
 */
export function detectorTradeoff({
  timeouts = [110, 125, 150, 175, 200, 250, 300, 400],
  thresholds = [0.5, 1, 2, 3, 4, 6, 8],
  window = 1000,
  ...stream
}: DetectorTradeoffOptions = {}): Table {
  checkNonEmptyArray("timeouts", timeouts);
  checkNonEmptyArray("thresholds", thresholds);
  const s = heartbeatArrivals(stream);
  const rows = [];
  for (const [detector, values] of [
    ["timeout", timeouts],
    ["phi", thresholds],
  ] as const) {
    for (const parameter of values) {
      const q = detectorQoS(s, detector, parameter, { window });
      rows.push({
        detector: detector === "timeout" ? "timeout" : "φ accrual",
        parameter,
        detection_ms: q.detectionMs,
        max_detection_ms: q.maxDetectionMs,
        mistake_recurrence_s: q.mistakeRecurrenceMs / 1000,
        mistake_duration_ms: q.mistakeDurationMs,
        query_accuracy: q.queryAccuracy,
        mistakes_per_hour: q.mistakes > 0 ? 3_600_000 / q.mistakeRecurrenceMs : 0,
        mistakes: q.mistakes,
      });
    }
  }
  return tableFromRows(rows);
}

/**
 * Mistakes per heartbeat of the timeout detector in closed form, for exponential jitter of mean J,
 * no loss and a timeout Δ ≥ η: consecutive arrivals are η + X apart with X the difference of two
 * exponentials (Laplace), so P(gap > Δ) = ½·e^(−(Δ − η)/J). Reordering is neglected (Δ ≥ η).
 */
export function timeoutMistakeProbability(timeoutMs: number, periodMs: number, jitterMs: number): number {
  checkPositive("timeoutMs", timeoutMs);
  checkPositive("periodMs", periodMs);
  checkPositive("jitterMs", jitterMs);
  return timeoutMs >= periodMs ? 0.5 * Math.exp(-(timeoutMs - periodMs) / jitterMs) : 1 - 0.5 * Math.exp(-(periodMs - timeoutMs) / jitterMs);
}

/** Options for timeoutQueryAccuracy: the heartbeat stream's parameters. */
export type QueryAccuracyOptions = Pick<HeartbeatOptions, "periodMs" | "minDelayMs" | "jitterMs" | "delay" | "loss">;

/**
 * The query accuracy P_A of the timeout detector in closed form: at a time t the detector suspects
 * when no heartbeat arrived in (t − Δ, t]. A heartbeat sent u ms before t arrived in that window
 * with probability (1 − p_L)·(F(u) − F(u − Δ)), F the delay's distribution, independently of the
 * others; so P(suspect at t) = Π over the heartbeats' ages u = s, s + η, s + 2η, … of one minus
 * that, and P_A is one minus its average over the phase s ∈ [0, η) (a numerical integral).
 */
export function timeoutQueryAccuracy(
  timeoutMs: number,
  { periodMs = 100, minDelayMs = 10, jitterMs = 20, delay = "exponential", loss = 0.01 }: QueryAccuracyOptions = {},
): number {
  checkPositive("timeoutMs", timeoutMs);
  checkPositive("periodMs", periodMs);
  checkPositive("jitterMs", jitterMs);
  const cdf = (d: number): number => {
    const x = d - minDelayMs;
    if (x <= 0) return 0;
    return delay === "exponential" ? 1 - Math.exp(-x / jitterMs) : Math.min(1, x / (2 * jitterMs));
  };
  const steps = 400;
  let suspicion = 0;
  for (let k = 0; k < steps; k++) {
    const s = ((k + 0.5) / steps) * periodMs;
    let none = 1;
    for (let u = s; u - timeoutMs < minDelayMs + 60 * jitterMs; u += periodMs) none *= 1 - (1 - loss) * (cdf(u) - cdf(u - timeoutMs));
    suspicion += none;
  }
  return 1 - suspicion / steps;
}
