import type * as TS from "@tslab/typescript-for-tslab";
import { provideModule, tslabTypescriptPath, typescriptView } from "../snapshot/typescript-view";
import { lightBuilder } from "./light-builder";

const INSTALLED = Symbol.for("dslab.typescriptForTslab");

/**
 * Makes the TypeScript module that tslab loads build its watch programs with lightBuilder.
 * Must run before tslab's modules are first required; the TypeScript underneath is whichever
 * is loaded (the kernel snapshot's, or the one on disk).
 */
export function installTypescriptForTslab(): void {
  const path = tslabTypescriptPath();
  const loaded = require(path) as typeof TS & { [INSTALLED]?: true };
  if (loaded[INSTALLED]) return;
  const createProgram = lightBuilder(loaded);
  const createWatchCompilerHost = (...args: unknown[]) => {
    // tslab passes root files and no createProgram (null): TypeScript's default builder.
    if (Array.isArray(args[0]) && args[3] == null) args[3] = createProgram;
    return (loaded.createWatchCompilerHost as (...a: unknown[]) => unknown)(...args);
  };
  const view = typescriptView(loaded, { createWatchCompilerHost });
  Object.defineProperty(view, INSTALLED, { value: true });
  provideModule(path, view);
}
