/** Whatever carries a counter-based random stream (RaftState, PaxosState). */
export interface RandomStream {
  seed: number;
  counter: number;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A uniform number in [0, 1), the state's next draw: a hash of (seed, counter), so the random
 * stream is two integers in the state and a saved state resumes exactly where it stopped.
 */
export function randomDraw(state: RandomStream): number {
  const counter = state.counter++;
  const h = fmix32(fmix32(state.seed ^ 0x9e3779b9) ^ Math.imul(counter + 1, 0x85ebca77));
  const l = fmix32(h ^ Math.imul(counter + 0x632be5ab, 0x27d4eb2f));
  return (h * 2097152 + (l >>> 11)) / 9007199254740992;
}

/** A uniform draw in [min, max]. */
export function uniformDraw(state: RandomStream, [min, max]: readonly [number, number]): number {
  return min + (max - min) * randomDraw(state);
}
