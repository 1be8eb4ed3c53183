// Which live model (created by the in-page kernel) stands for which saved model (created by the
// Jupyter kernel when the notebook ran): both runs build the same widgets from the same cells,
// under fresh random ids. Each displayed widget is paired with its saved view (same cell, same
// order), then the pairing follows the model references both states hold in the same places
// (a box's children, a widget's layout and style), checking model names along the way.

/** A model's state as the saved notebook or the live kernel has it. */
export interface ModelStates {
  get(id: string): Record<string, unknown> | undefined;
}

const REF = "IPY_MODEL_";

/** Saved id -> live id for every model reachable from the paired roots whose model names agree. */
export function mapModels(saved: ModelStates, live: ModelStates, roots: readonly (readonly [string, string])[]): Map<string, string> {
  const map = new Map<string, string>();
  const taken = new Set<string>();
  const queue: [string, string][] = roots.map(([s, l]) => [s, l]);
  while (queue.length > 0) {
    const [s, l] = queue.shift()!;
    if (map.has(s) || taken.has(l)) continue;
    const a = saved.get(s);
    const b = live.get(l);
    if (!a || !b || a._model_name !== b._model_name || a._model_module !== b._model_module) continue;
    map.set(s, l);
    taken.add(l);
    pairReferences(a, b, queue, (sid, lid) => saved.get(sid)?._model_name === live.get(lid)?._model_name);
  }
  return map;
}

function pairReferences(a: unknown, b: unknown, into: [string, string][], sameKind: (savedId: string, liveId: string) => boolean): void {
  if (typeof a === "string" && typeof b === "string") {
    if (a.startsWith(REF) && b.startsWith(REF)) into.push([a.slice(REF.length), b.slice(REF.length)]);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every(isRef) && b.every(isRef)) {
      // A list of models (a box's children): in order, each saved one with the next live one of
      // its kind, so a child only one side has (a figure a first run added later) does not shift the rest.
      let j = 0;
      for (const ref of a as string[]) {
        const k = (b as string[]).findIndex((other, i) => i >= j && sameKind(ref.slice(REF.length), other.slice(REF.length)));
        if (k < 0) continue;
        into.push([ref.slice(REF.length), (b[k] as string).slice(REF.length)]);
        j = k + 1;
      }
      return;
    }
    for (let i = 0; i < Math.min(a.length, b.length); i++) pairReferences(a[i], b[i], into, sameKind);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of Object.keys(a)) if (key in b) pairReferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], into, sameKind);
  }
}

function isRef(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(REF);
}

/** A copy of a JSON value with every model reference renamed through `rename` (ids it does not know stay). */
export function renameReferences<T>(value: T, rename: (id: string) => string | undefined): T {
  if (typeof value === "string") {
    if (!value.startsWith(REF)) return value;
    const to = rename(value.slice(REF.length));
    return (to ? REF + to : value) as T;
  }
  if (Array.isArray(value)) return value.map((v) => renameReferences(v, rename)) as T;
  if (value && typeof value === "object" && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameReferences(v, rename)])) as T;
  }
  return value;
}
