import { deriveSeed } from "../../failure/derive-seed";
import { tableFromRows, type Table } from "../../table";
import { checkInteger, checkSeed } from "../../validate";
import { paxosDuel, type PaxosDuelOptions } from "./paxos-duel";

/** Options of {@link paxosDuelSweep}: a paxosDuel set-up and how many runs of it. */
export interface PaxosDuelSweepOptions extends Omit<PaxosDuelOptions, "seed"> {
  /** Runs, an integer in [1, 100,000]. Defaults to 1,000. */
  trials?: number;
  /** Seed; run i uses a seed derived from (seed, i). Defaults to 1. */
  seed?: number;
}

/** Many runs of single-decree Paxos: one row per run with decided, value, ms, ballots and messages. */
export function paxosDuelSweep(options: PaxosDuelSweepOptions = {}): Table {
  const { trials = 1000, seed = 1, ...setup } = options;
  checkInteger("trials", trials, 1, 100_000);
  checkSeed(seed);
  return tableFromRows(
    Array.from({ length: trials }, (_, i) => {
      const { decided, value, ms, ballots, messages } = paxosDuel({ ...setup, seed: deriveSeed(seed, i) });
      return { trial: i, decided, value, ms, ballots, messages };
    }),
  );
}
