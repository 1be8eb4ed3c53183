import { createRng } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkOneOf, checkSeed } from "../validate";

/** How two sites exchange an update in a round of anti-entropy. */
export const ANTI_ENTROPY_MODES = ["push", "pull", "push-pull"] as const;
export type AntiEntropyMode = (typeof ANTI_ENTROPY_MODES)[number];

/** Options for simulateAntiEntropy. */
export interface AntiEntropyOptions {
  /** Sites. Defaults to 1,000. */
  n?: number;
  /** "push", "pull" or "push-pull". Defaults to "push-pull". */
  mode?: AntiEntropyMode;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * The expected fraction of susceptible sites after one more round (Demers et al., PODC 1987,
 * Sec. 1.3), for n sites of which a fraction p is susceptible: pull leaves a susceptible site
 * susceptible if its partner is too (≈ p², quadratic convergence at the end); push, if none of
 * the n(1 − p) informed sites picks it (≈ p·e^−1 at the end); push-pull needs both.
 */
export function antiEntropyNextFraction(p: number, n: number, mode: AntiEntropyMode): number {
  const partnerSusceptible = Math.max(0, (p * n - 1) / (n - 1));
  const noPush = Math.pow(1 - 1 / (n - 1), n * (1 - p));
  if (mode === "pull") return p * partnerSusceptible;
  if (mode === "push") return p * noPush;
  return p * noPush * partnerSusceptible;
}

/** Rounds the expected-fraction recurrence takes from one informed site to fewer than half a susceptible site. */
export function antiEntropyRoundsClosedForm(n: number, mode: AntiEntropyMode): number {
  checkInteger("n", n, 2, 1e9);
  checkOneOf("mode", mode, ANTI_ENTROPY_MODES);
  let p = 1 - 1 / n;
  let rounds = 0;
  while (p * n >= 0.5 && rounds < 10_000) {
    p = antiEntropyNextFraction(p, n, mode);
    rounds++;
  }
  return rounds;
}

/** Runs one anti-entropy epidemic from one informed site to all; returns the susceptible count after each round. */
export function antiEntropyRun({ n = 1000, mode = "push-pull", seed = 1 }: AntiEntropyOptions = {}): number[] {
  checkInteger("n", n, 2, 10_000_000);
  checkOneOf("mode", mode, ANTI_ENTROPY_MODES);
  checkSeed(seed);
  const rng = createRng(seed);
  let informed = new Uint8Array(n);
  let after = new Uint8Array(n);
  informed[0] = 1;
  let susceptible = n - 1;
  const trace = [susceptible];
  while (susceptible > 0 && trace.length < 10_000) {
    // Every site contacts one random partner; exchanges use the state at the start of the round.
    after.set(informed);
    for (let site = 0; site < n; site++) {
      let partner = rng.int(n - 1);
      if (partner >= site) partner++;
      if (mode !== "pull" && informed[site]) after[partner] = 1;
      if (mode !== "push" && informed[partner]) after[site] = 1;
    }
    [informed, after] = [after, informed];
    susceptible = 0;
    for (let site = 0; site < n; site++) susceptible += 1 - informed[site];
    trace.push(susceptible);
  }
  return trace;
}

/**
 * Anti-entropy round by round: one row per round with the fraction of sites still susceptible,
 * simulated and by Demers' recurrence (antiEntropyNextFraction) from the same start.
 */
export function simulateAntiEntropy({ n = 1000, mode = "push-pull", seed = 1 }: AntiEntropyOptions = {}): Table {
  const trace = antiEntropyRun({ n, mode, seed });
  let expected = 1 - 1 / n;
  return tableFromRows(
    trace.map((count, round) => {
      if (round > 0) expected = antiEntropyNextFraction(expected, n, mode);
      return { round, mode, susceptible: count / n, closed_form: expected };
    }),
  );
}
