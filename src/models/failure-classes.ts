import { createRng, exponential } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNumber, checkPositive, checkSeed } from "../validate";

/** The failure classes of notes 004 ("Falhas": quebras, omissão, temporização, maliciosas), plus none. */
export const FAILURE_CLASSES = ["none", "crash", "omission", "timing", "byzantine"] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

/** How the client turns the replicas' answers into one. */
export const CLIENT_RULES = ["first answer", "majority"] as const;

/** Options for failureClasses. */
export interface FailureClassesOptions {
  /** Replicas of the service. Defaults to 3. */
  replicas?: number;
  /** Replicas that fail (the same class for all). Defaults to 1. */
  faulty?: number;
  /** Probability a faulty replica misbehaves on a request (omission, timing, byzantine); a crash is for good, at a random request. Defaults to 0.3. */
  misbehaviour?: number;
  /** Requests. Defaults to 10,000. */
  requests?: number;
  /** The client waits this long for answers, ms. Defaults to 50. */
  deadlineMs?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Crash, omission, timing and byzantine failures side by side on one replicated read-only service:
 * the client asks every replica for the value and either takes the first answer or waits for a
 * majority of identical answers, until a deadline. A correct replica answers the right value in
 * 2 ms + Exp(mean 5 ms); a crashed one stops answering; an omitting one drops the answer; a timing
 * failure answers right but 10× slower; a byzantine one answers a wrong value at once (1 ms).
 * One row per (class, client rule): fractions of requests answered right, wrong, or not by the deadline,
 * and the client's mean wait (the deadline when it got no verdict).
 */
export function failureClasses({
  replicas = 3,
  faulty = 1,
  misbehaviour = 0.3,
  requests = 10_000,
  deadlineMs = 50,
  seed = 1,
}: FailureClassesOptions = {}): Table {
  checkInteger("replicas", replicas, 1, 99);
  checkInteger("faulty", faulty, 0, replicas);
  checkNumber("misbehaviour", misbehaviour, { min: 0, max: 1 });
  checkInteger("requests", requests, 1, 10_000_000);
  checkPositive("deadlineMs", deadlineMs);
  checkSeed(seed);
  const majority = Math.floor(replicas / 2) + 1;
  const rows = [];
  for (const failure of FAILURE_CLASSES) {
    // Every class sees the same draws, so the rows differ only by the failure.
    const rng = createRng(seed);
    const latency = exponential(rng, 1 / 5);
    const crashAt = Array.from({ length: faulty }, () => rng.int(requests));
    const counts = { "first answer": [0, 0, 0], majority: [0, 0, 0] };
    const waited = { "first answer": 0, majority: 0 };
    // Answers of one request, kept sorted by arrival time (insertion sort: a handful of replicas).
    const at = new Float64Array(replicas);
    const right = new Uint8Array(replicas);
    for (let r = 0; r < requests; r++) {
      let answers = 0;
      for (let i = 0; i < replicas; i++) {
        let t = 2 + latency();
        let ok = 1;
        const misbehaves = rng.random() < misbehaviour;
        if (i < faulty && failure !== "none") {
          if (failure === "crash" && r >= crashAt[i]) continue;
          if (failure === "omission" && misbehaves) continue;
          if (failure === "timing" && misbehaves) t *= 10;
          if (failure === "byzantine" && misbehaves) [t, ok] = [1, 0];
        }
        if (t > deadlineMs) continue;
        let j = answers++;
        for (; j > 0 && at[j - 1] > t; j--) [at[j], right[j]] = [at[j - 1], right[j - 1]];
        [at[j], right[j]] = [t, ok];
      }
      counts["first answer"][answers === 0 ? 2 : right[0] ? 0 : 1]++;
      waited["first answer"] += answers === 0 ? deadlineMs : at[0];
      // Majority: the first value to gather `majority` identical answers by the deadline.
      let rights = 0;
      let wrongs = 0;
      let verdict = 2;
      for (let j = 0; j < answers; j++) {
        if (right[j]) rights++;
        else wrongs++;
        if (rights >= majority || wrongs >= majority) {
          verdict = rights >= majority ? 0 : 1;
          waited.majority += at[j];
          break;
        }
      }
      if (verdict === 2) waited.majority += deadlineMs;
      counts.majority[verdict]++;
    }
    for (const rule of CLIENT_RULES) {
      const [ok, bad, none] = counts[rule];
      rows.push({ failure, rule, right: ok / requests, wrong: bad / requests, no_answer: none / requests, mean_wait_ms: waited[rule] / requests });
    }
  }
  return tableFromRows(rows);
}
