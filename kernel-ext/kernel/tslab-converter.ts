import Module from "node:module";
import { dirname } from "node:path";

type ModuleInternals = typeof Module & {
  _cache: Record<string, Module>;
  _nodeModulePaths(dir: string): string[];
};

/**
 * What tslab's converter uses semver for, and all of it: the major version of process.version,
 * to pick its transpile target. semver's index loads some forty modules, 20-30 ms of a kernel's
 * start on a 2-core machine, for this one number.
 */
export const converterSemver = {
  major(version: string): number {
    const match = /^v?(\d+)\.\d+\.\d+/.exec(version);
    if (!match) throw new TypeError(`Invalid Version: ${version}`);
    return Number(match[1]);
  },
};

/**
 * Requires tslab's converter (tslab/dist/converter) with converterSemver as its `semver`. Only
 * the converter's own require answers so: `require("semver")` anywhere else, in cells too, loads
 * semver from disk as usual. Once loaded, the converter is in Node.js's module cache like any
 * module, so tslab's other modules and later requires get this same one.
 */
export function requireTslabConverter(): unknown {
  const modules = Module as ModuleInternals;
  const path = require.resolve("tslab/dist/converter");
  const cached = modules._cache[path];
  if (cached) return cached.exports;
  const converter = new Module(path, module) as Module & { load(filename: string): void };
  converter.filename = path;
  converter.paths = modules._nodeModulePaths(dirname(path));
  // A module's `require` calls its module's require method (Node.js's makeRequireFunction).
  converter.require = function requireForConverter(this: Module, id: string) {
    return id === "semver" ? converterSemver : Module.prototype.require.call(this, id);
  } as unknown as Module["require"];
  modules._cache[path] = converter;
  try {
    converter.load(path);
  } catch (error) {
    delete modules._cache[path];
    throw error;
  }
  return converter.exports;
}
