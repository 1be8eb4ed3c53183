// The TypeScript a kernel runs: tslab's bundle with the patches of typescript-patches.ts,
// written by the build to dist/typescript-for-tslab/ and loaded in its place. Nothing here may
// load TypeScript itself except writePatchedTypescript (the build): the kernel must provide the
// patched module before anything requires the original.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join } from "node:path";
import type * as TS from "@tslab/typescript-for-tslab";
import { provideModule, tslabTypescriptPath } from "./typescript-for-tslab";
import { patchTypescript } from "./typescript-patches";

/** What a patched bundle was made from; the bundle is used only while the original is unchanged. */
export interface PatchedTypescriptInfo {
  /** The original bundle, whose path the patched one is loaded under (TypeScript finds its lib files from it). */
  original: string;
  size: number;
  mtimeMs: number;
  version: string;
  applied: string[];
  skipped: string[];
}

/** dist/typescript-for-tslab/: typescript.js and patch.json. */
export function patchedTypescriptDir(packageRoot: string): string {
  return join(packageRoot, "dist", "typescript-for-tslab");
}

/** Build step: patches the bundle tslab loads and writes it with its info. */
export function writePatchedTypescript(packageRoot: string): PatchedTypescriptInfo {
  const original = tslabTypescriptPath();
  const ts = require(original) as typeof TS;
  const { size, mtimeMs } = statSync(original);
  const patched = patchTypescript(ts, readFileSync(original, "utf8"));
  const dir = patchedTypescriptDir(packageRoot);
  mkdirSync(dir, { recursive: true });
  const info: PatchedTypescriptInfo = { original, size, mtimeMs, version: ts.version, applied: patched.applied, skipped: patched.skipped };
  writeFileSync(join(dir, "typescript.js"), patched.source);
  writeFileSync(join(dir, "patch.json"), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/** The patched bundle, if the build wrote one for the TypeScript installed now. */
export function patchedTypescript(packageRoot: string): { info: PatchedTypescriptInfo; file: string } | undefined {
  const dir = patchedTypescriptDir(packageRoot);
  const file = join(dir, "typescript.js");
  if (!existsSync(file) || !existsSync(join(dir, "patch.json"))) return undefined;
  try {
    const info = JSON.parse(readFileSync(join(dir, "patch.json"), "utf8")) as PatchedTypescriptInfo;
    const now = statSync(info.original);
    return now.size === info.size && now.mtimeMs === info.mtimeMs ? { info, file } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the patched bundle as the module at the original's path, so that every later
 * `require("@tslab/typescript-for-tslab")` gets it. Returns false, loading nothing, when there
 * is no usable patched bundle (the original then loads as usual) or TypeScript is loaded already.
 */
export function providePatchedTypescript(packageRoot: string): boolean {
  const patched = patchedTypescript(packageRoot);
  if (!patched || require.cache[patched.info.original]) return false;
  provideModule(patched.info.original, compileModuleAs(patched.info.original, readFileSync(patched.file, "utf8")).exports);
  return true;
}

/** CommonJS `source` run as the module at `path` (its __filename, __dirname and require), not cached. */
export function compileModuleAs(path: string, source: string): Module {
  const module = new Module(path) as Module & { _compile(source: string, filename: string): void };
  module.filename = path;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  module._compile(source, path);
  module.loaded = true;
  return module;
}
