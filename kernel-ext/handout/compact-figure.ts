/**
 * A plotly figure for a static handout, its traces' numbers cut to `digits` significant digits.
 * A figure drawn some 900 px wide shows no more than four, and the long tails of simulated values
 * (302.48372645381 ms) are most of a handout's figure bytes. Integers, strings and the layout pass
 * unchanged; the notebook keeps the full numbers.
 */
export function compactFigure(figure: unknown, digits = 6): unknown {
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new RangeError(`digits must be an integer in [1, 17], got ${digits}`);
  const data = (figure as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return figure;
  const round = (value: unknown): unknown => {
    if (typeof value === "number") return Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(digits)) : value;
    if (Array.isArray(value)) return value.map(round);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
    return value;
  };
  return { ...(figure as object), data: data.map(round) };
}
