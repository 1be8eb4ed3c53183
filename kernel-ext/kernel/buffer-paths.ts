/** Keys that reach an object's prototype when used as a path step. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Why a comm message's `buffer_paths` (the widget protocol's places where binary buffers go
 * back into the state) must be refused, or undefined if they are sound: a list with one path per
 * buffer, each a non-empty list of keys (strings) and indices (non-negative integers), none of
 * them `__proto__`, `constructor` or `prototype`. A path through those would let a front end
 * (or anything that can sign a message) write into Object.prototype of the kernel.
 */
export function bufferPathsProblem(paths: unknown, bufferCount: number): string | undefined {
  if (!Array.isArray(paths)) return `buffer_paths must be a list, got ${typeof paths}`;
  if (paths.length !== bufferCount) return `${paths.length} buffer_paths for ${bufferCount} buffers`;
  for (const path of paths) {
    if (!Array.isArray(path) || path.length === 0) return `a buffer path must be a non-empty list, got ${JSON.stringify(path)}`;
    for (const step of path) {
      const isIndex = typeof step === "number" && Number.isInteger(step) && step >= 0;
      if (typeof step !== "string" && !isIndex) return `a buffer path step must be a key or an index, got ${JSON.stringify(step)}`;
      if (typeof step === "string" && FORBIDDEN_KEYS.has(step)) return `a buffer path may not name ${step}`;
    }
  }
  return undefined;
}
