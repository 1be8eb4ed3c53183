import Module from "node:module";
import type * as TS from "@tslab/typescript-for-tslab";

/**
 * A stand-in for the TypeScript module object with some exports replaced. TypeScript's exports
 * are getters that cannot be reassigned, so the stand-in forwards every export to the real
 * module except the replaced ones.
 */
export function typescriptView(ts: typeof TS, replaced: Partial<Record<keyof typeof TS, unknown>>): typeof TS {
  const view = {};
  for (const key of Object.keys(ts)) {
    if (key in replaced) Object.defineProperty(view, key, { value: replaced[key as keyof typeof TS], enumerable: true });
    else Object.defineProperty(view, key, { get: () => ts[key as keyof typeof TS], enumerable: true });
  }
  return view as typeof TS;
}

/** Makes `require(path)` (after resolution) return `exports` from now on, for every module in the process. */
export function provideModule(path: string, exports: unknown): void {
  const module = new Module(path);
  module.filename = path;
  module.exports = exports;
  module.loaded = true;
  (Module as unknown as { _cache: Record<string, Module> })._cache[path] = module;
}

/** The file that `require("@tslab/typescript-for-tslab")` loads for tslab's converter. */
export function tslabTypescriptPath(): string {
  return Module.createRequire(require.resolve("tslab/dist/converter")).resolve("@tslab/typescript-for-tslab");
}
