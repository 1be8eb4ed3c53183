import { checkInteger } from "../validate";

/** The 1-2-5 series up to max (1, 2, 5, 10, 20, 50, ...): evenly spaced points for a log axis. */
export function decades(max: number): number[] {
  checkInteger("max", max, 1);
  const out: number[] = [];
  for (let scale = 1; scale <= max; scale *= 10) for (const m of [1, 2, 5]) if (m * scale <= max) out.push(m * scale);
  return out;
}
