import { WireError } from "./codec";

const DELIMITER = "<IDS|MSG>";

/** Refuses a signed message seen before (a replay), as jupyter_client's Session does with its digest history. */
export interface ReplayGuard {
  /** Throws WireError if these frames carry a signature already seen; remembers it otherwise. */
  check(frames: readonly Buffer[]): void;
}

/**
 * A guard remembering the last `size` signatures (jupyter_client keeps 2^16). Unsigned messages
 * (an empty key) cannot be told apart and pass. Check only messages whose signature verified,
 * so that forged ones cannot fill the history.
 */
export function createReplayGuard(size = 1 << 16): ReplayGuard {
  const seen = new Set<string>();
  return {
    check(frames) {
      const at = frames.findIndex((frame) => frame.length === DELIMITER.length && frame.toString("utf8") === DELIMITER);
      const signature = at >= 0 ? frames[at + 1]?.toString("utf8") : undefined;
      if (!signature) return;
      if (seen.has(signature)) throw new WireError("duplicate signature (a replayed message)");
      seen.add(signature);
      if (seen.size > size) seen.delete(seen.values().next().value as string);
    },
  };
}
