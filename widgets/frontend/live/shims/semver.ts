// semver for handouts: @jupyter-widgets/html-manager picks a model version with maxSatisfying
// among the versions it bundles ("1.2.0", "2.0.0", ...) for a range such as "^2.0.0". This is
// that one function for exact versions, "*", and caret, tilde and comparison-free ranges.

function parse(version: string): [number, number, number] | undefined {
  const m = /^\s*[v=]?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(version);
  if (!m) return undefined;
  const part = (s: string | undefined) => (s === undefined || s === "x" || s === "*" ? 0 : Number(s));
  return [Number(m[1]), part(m[2]), part(m[3])];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether version satisfies range (exact, "*", "^x.y.z", "~x.y.z"). */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  const r = range.trim();
  if (!v) return false;
  if (r === "*" || r === "") return true;
  const base = parse(r.replace(/^[\^~]/, ""));
  if (!base || compare(v, base) < 0) return false;
  if (r.startsWith("^")) return base[0] > 0 ? v[0] === base[0] : base[1] > 0 ? v[0] === 0 && v[1] === base[1] : v[0] === 0 && v[1] === 0 && v[2] === base[2];
  if (r.startsWith("~")) return v[0] === base[0] && v[1] === base[1];
  return compare(v, base) === 0;
}

/** The highest of versions that satisfies range, or null. */
export function maxSatisfying(versions: readonly string[], range: string): string | null {
  let best: string | null = null;
  for (const version of versions) if (satisfies(version, range) && (best === null || compare(parse(version)!, parse(best)!) > 0)) best = version;
  return best;
}
