import { createRng } from "../random";
import { checkInteger, checkOneOf, checkSeed } from "../validate";

/** How an infective site loses interest after contacting a site that already knew the rumor. */
export const LOSS_OF_INTEREST = ["counter", "coin"] as const;
export type LossOfInterest = (typeof LOSS_OF_INTEREST)[number];

/** Options for simulateRumorMongering. */
export interface RumorMongeringOptions {
  /** Sites. Defaults to 1,000. */
  n?: number;
  /** Counter (or, with "coin", 1/probability) of losing interest. Defaults to 1. */
  k?: number;
  /** "counter": stop after k unnecessary contacts; "coin": stop with probability 1/k at each. Defaults to "counter". */
  loss?: LossOfInterest;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** The outcome of one rumor-mongering run. */
export interface RumorMongeringResult {
  /** Fraction of sites never informed. */
  residue: number;
  /** Rounds until no site was infective. */
  rounds: number;
  /** Messages sent (one per push). */
  messages: number;
  /** Sites that ended up informed, the originator included. */
  informed: number;
}

const SUSCEPTIBLE = 0;
const INFECTIVE = 1;
const REMOVED = 2;

/**
 * Rumor mongering with feedback (Demers et al., PODC 1987, Sec. 1.4): one site starts infective;
 * each round every infective site pushes the rumor to one partner chosen uniformly among the other
 * sites; a susceptible partner becomes infective (from the next round); a partner that already knew
 * tells the sender so (feedback), and the sender loses interest after k such contacts (counter) or
 * with probability 1/k at each (coin). Runs until no site is infective.
 */
export function simulateRumorMongering({ n = 1000, k = 1, loss = "counter", seed = 1 }: RumorMongeringOptions = {}): RumorMongeringResult {
  checkInteger("n", n, 2, 10_000_000);
  checkInteger("k", k, 1, 20);
  checkOneOf("loss", loss, LOSS_OF_INTEREST);
  checkSeed(seed);
  const rng = createRng(seed);
  const state = new Uint8Array(n);
  const counter = new Uint8Array(n);
  let active = new Int32Array(n);
  let next = new Int32Array(n);
  state[0] = INFECTIVE;
  active[0] = 0;
  let activeCount = 1;
  let informed = 1;
  let rounds = 0;
  let messages = 0;
  while (activeCount > 0) {
    rounds++;
    let nextCount = 0;
    // Sites infected this round are appended after the survivors, so they push from the next round.
    const newly: number[] = [];
    for (let a = 0; a < activeCount; a++) {
      const site = active[a];
      let partner = rng.int(n - 1);
      if (partner >= site) partner++;
      messages++;
      if (state[partner] === SUSCEPTIBLE) {
        state[partner] = INFECTIVE;
        informed++;
        newly.push(partner);
      } else if (loss === "counter" ? ++counter[site] >= k : rng.random() * k < 1) {
        state[site] = REMOVED;
      }
      if (state[site] === INFECTIVE) next[nextCount++] = site;
    }
    for (const site of newly) next[nextCount++] = site;
    [active, next] = [next, active];
    activeCount = nextCount;
  }
  return { residue: (n - informed) / n, rounds, messages, informed };
}
