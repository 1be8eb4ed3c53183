import Module from "node:module";
import type * as TS from "@tslab/typescript-for-tslab";
import { leaveBuiltinImportsUnresolved } from "./builtin-imports";
import { cellSourceMaps, withoutSourceMappingComments } from "./cell-source-maps";
import { lightBuilder } from "./light-builder";
import { neverOptimize } from "./never-optimize";
import { readingPreparsedTexts, snapshotPreparsedTexts } from "./preparsed-system";

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
  // Set up anew for every cell (transformNodes: for every emit); not worth TurboFan's time (see never-optimize.ts).
  const { createTypeChecker, transformNodes } = loaded as unknown as { createTypeChecker?: unknown; transformNodes?: unknown };
  neverOptimize([loaded.createProgram, createTypeChecker, loaded.createPrinter, transformNodes]);
  const markSetUpFunctions = setUpFunctionsMarker([loaded.createProgram, createTypeChecker]);
  // The program emits CommonJS (see LightBuilderOptions.emitCommonJs); the texts it wrote are
  // kept so that tslab's second conversion of exactly such a text passes it through.
  const emittedCommonJs = new BoundedSet<string>(64);
  const onWrite = (fileName: string, text: string) => {
    cellSourceMaps.recordEmittedFile(fileName, text);
    if (/\.[cm]?js$/.test(fileName)) emittedCommonJs.add(text);
  };
  const buildProgram = lightBuilder(loaded, onWrite, { emitCommonJs: true });
  const preparsedTexts = snapshotPreparsedTexts(loaded);
  const createProgram: typeof buildProgram = (...args) => {
    if (args[2]) leaveBuiltinImportsUnresolved(args[2]);
    const program = buildProgram(...args);
    markSetUpFunctions();
    return program;
  };
  const createWatchCompilerHost = (...args: unknown[]) => {
    // tslab passes root files and no createProgram (null): TypeScript's default builder.
    const forTslab = Array.isArray(args[0]) && args[3] == null;
    if (forTslab) {
      args[2] = passChangedDeclarationsOnly(args[2] as TS.System, loaded.FileWatcherEventKind.Changed);
      if (preparsedTexts) args[2] = readingPreparsedTexts(args[2] as TS.System, preparsedTexts);
      args[3] = createProgram;
      // Source maps of each cell's emit, to put stack traces on the cell's lines.
      args[1] = { ...(args[1] as TS.CompilerOptions), sourceMap: true, ...converterOptions };
    }
    return (loaded.createWatchCompilerHost as (...a: unknown[]) => unknown)(...args);
  };
  // tslab turns each cell's ES module into CommonJS with transpileModule: with a source map too,
  // kept aside, and the code that runs without the source-map comments.
  const transpileModule = (input: string, options: TS.TranspileOptions): TS.TranspileOutput => {
    if (options.compilerOptions?.sourceMap) return loaded.transpileModule(input, options);
    // Already CommonJS: the program's own emit, written just now. Keyed by the whole text, so
    // nothing else (an ES module, another file's output) can ever take this path.
    if (options.compilerOptions?.module === loaded.ModuleKind.CommonJS && emittedCommonJs.has(input)) {
      const outputText = withoutSourceMappingComments(input);
      cellSourceMaps.recordTranspile(outputText, null);
      return { outputText, diagnostics: [], sourceMapText: undefined };
    }
    const out = loaded.transpileModule(input, { ...options, compilerOptions: { ...options.compilerOptions, sourceMap: true } });
    const outputText = withoutSourceMappingComments(out.outputText);
    cellSourceMaps.recordTranspile(outputText, out.sourceMapText);
    return { ...out, outputText, sourceMapText: undefined };
  };
  const view = typescriptView(loaded, { createWatchCompilerHost, transpileModule });
  Object.defineProperty(view, INSTALLED, { value: true });
  provideModule(path, view);
}

/**
 * A function that marks, once each, the functions that `outers` record as their
 * `setUpFunctions` when they first run (see exposeSetUpFunctions in typescript-patches.ts), so
 * that V8 never optimizes them; a no-op once all are marked. Called after each new program:
 * the first program records createProgram's, its checker createTypeChecker's.
 */
export function setUpFunctionsMarker(outers: readonly unknown[], mark: (functions: readonly unknown[]) => unknown = neverOptimize): () => void {
  const waiting = new Set(outers.filter((f) => typeof f === "function") as Array<{ setUpFunctions?: readonly unknown[] }>);
  return () => {
    for (const outer of waiting) {
      if (!outer.setUpFunctions) continue;
      mark(outer.setUpFunctions);
      waiting.delete(outer);
    }
  };
}

/** The file in which tslab gives each cell the declarations of the cells before it. */
const PREVIOUS_DECLARATIONS = /[\\/]__prev__\.d\.ts$/;

/**
 * tslab tells the watch program, for every cell, that both of its files changed: the cell and
 * the previous cells' declarations. The watch program then parses and binds the declarations
 * again, though they change only after a cell that declares something (not for an expression,
 * nor for a declaring cell's second compile): a cost that grows with the notebook. `system`
 * with its watchFile passing on a change of that file only when its text differs from the text
 * it had at the last change passed on (or when watched).
 */
export function passChangedDeclarationsOnly(system: TS.System, changed: TS.FileWatcherEventKind): TS.System {
  const watchFile = system.watchFile;
  if (!watchFile) return system;
  const passing: TS.System = Object.create(system);
  passing.watchFile = (path, callback, ...rest) => {
    if (!PREVIOUS_DECLARATIONS.test(path)) return watchFile.call(system, path, callback, ...rest);
    let passed = system.readFile(path);
    const onChange: TS.FileWatcherCallback = (fileName, kind, ...more) => {
      if (kind === changed) {
        const text = system.readFile(fileName);
        if (text === passed) return;
        passed = text;
      }
      callback(fileName, kind, ...more);
    };
    return watchFile.call(system, path, onChange, ...rest);
  };
  return passing;
}

/** A set that forgets its oldest entries beyond `limit`. */
class BoundedSet<T> {
  private readonly items = new Set<T>();
  constructor(private readonly limit: number) {}
  add(item: T): void {
    this.items.delete(item);
    this.items.add(item);
    if (this.items.size > this.limit) this.items.delete(this.items.values().next().value as T);
  }
  has(item: T): boolean {
    return this.items.has(item);
  }
}

let converterOptions: TS.CompilerOptions = {};

/** Compiler options added to tslab's for the next converters it creates (see code-runner's cellCompilerOptions). */
export function setConverterOptions(options: TS.CompilerOptions): void {
  converterOptions = options;
}

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
