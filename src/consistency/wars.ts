import { createRng } from "../random";
import { checkInteger, checkOneOf, checkSeed } from "../validate";
import { LATENCY_PROFILES, PROFILE_NAMES, drawMixture, type ProfileName } from "./latency-profiles";

/** Options of the WARS model (Bailis et al., VLDB 2012, Sec. 5.1). */
export interface WarsOptions {
  /** Replicas of the key, an integer in [1, 50]. Defaults to 3. */
  n?: number;
  /** Answers a read waits for, an integer in [1, n]. Defaults to 1. */
  r?: number;
  /** Acknowledgements a write waits for, an integer in [1, n]. Defaults to 1. */
  w?: number;
  /** Latency fits: "LNKD-SSD", "LNKD-DISK", "YMMR" or "WAN". Defaults to "LNKD-DISK". */
  profile?: ProfileName;
  /** Simulated write-then-read pairs, an integer in [1, 10^7]. Defaults to 100,000. */
  trials?: number;
  /** Seed of the generator, an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
}

/** Checks the WARS options and fills in their defaults. */
export function checkWarsOptions(options: WarsOptions): Required<WarsOptions> {
  const { n = 3, r = 1, w = 1, profile = "LNKD-DISK", trials = 100_000, seed = 1 } = options;
  checkInteger("n", n, 1, 50);
  checkInteger("r", r, 1, n);
  checkInteger("w", w, 1, n);
  checkOneOf("profile", profile, PROFILE_NAMES);
  checkInteger("trials", trials, 1, 10_000_000);
  checkSeed(seed);
  return { n, r, w, profile, trials, seed };
}

/**
 * Simulates WARS write-then-read pairs and returns, for each, the staleness window: the smallest
 * time t (ms, ≥ 0) after the write commits at which a read started then returns the write.
 *
 * The write goes to all n replicas (leg W) and commits when the coordinator holds w acks (leg A).
 * A read started t ms after the commit asks every replica (leg R), which answers (leg S) with the
 * write if it arrived before the read request did; the read returns with the first r answers and is
 * consistent when one of them carries the write. This is the model of the paper's own simulator
 * (its StaleCalc), evaluated once per trial for every t rather than afresh at each t. Replica i has the write at t iff
 * W_i ≤ commit + t + R_i, so the read is consistent from t = min over its r responders of
 * (W_i − commit − R_i), and immediately when that is ≤ 0 (always, when r + w > n).
 */
export function stalenessWindows(options: WarsOptions = {}): Float64Array {
  const checked = checkWarsOptions(options);
  const key = JSON.stringify(checked);
  if (last?.key !== key) last = { key, windows: simulateWindows(checked) };
  // A copy: callers sort theirs in place.
  return last.windows.slice();
}

// The last simulation and its options. The PBS functions are often asked twice in a row about
// the same simulation (a widget draws the curve, then prints its 99.9% point): a pure function
// of its options, it is served again rather than run again.
let last: { key: string; windows: Float64Array } | undefined;

function simulateWindows({ n, r, w, profile, trials, seed }: Required<WarsOptions>): Float64Array {
  const legs = LATENCY_PROFILES[profile];
  const rng = createRng(seed);
  const windows = new Float64Array(trials);
  const writeArrives = new Float64Array(n);
  const acked = new Float64Array(n);
  const requestArrives = new Float64Array(n);
  const answered = new Float64Array(n);
  const ackedSorted = new Float64Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const remote = legs.remoteDelayMs > 0;
  for (let trial = 0; trial < trials; trial++) {
    // WAN: the writer and the reader each sit beside one replica, picked at random; every message
    // to or from another replica pays the remote delay (as the paper's simulator does).
    const writerLocal = remote ? rng.int(n) : -1;
    const readerLocal = remote ? rng.int(n) : -1;
    for (let i = 0; i < n; i++) {
      const writeExtra = remote && i !== writerLocal ? legs.remoteDelayMs : 0;
      const readExtra = remote && i !== readerLocal ? legs.remoteDelayMs : 0;
      writeArrives[i] = drawMixture(legs.w, rng.random(), rng.random()) + writeExtra;
      acked[i] = writeArrives[i] + drawMixture(legs.a, rng.random(), rng.random()) + writeExtra;
      requestArrives[i] = drawMixture(legs.r, rng.random(), rng.random()) + readExtra;
      answered[i] = requestArrives[i] + drawMixture(legs.s, rng.random(), rng.random()) + readExtra;
    }
    // The w-th ack commits the write.
    ackedSorted.set(acked);
    const commit = ackedSorted.sort()[w - 1];
    // The replicas by answer time (insertion sort: n is small, and no allocation per trial).
    for (let i = 1; i < n; i++) {
      const replica = order[i];
      let j = i - 1;
      while (j >= 0 && answered[order[j]] > answered[replica]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = replica;
    }
    let window = Infinity;
    for (let k = 0; k < r; k++) {
      const i = order[k];
      window = Math.min(window, writeArrives[i] - commit - requestArrives[i]);
    }
    windows[trial] = Math.max(0, window);
  }
  return windows;
}
