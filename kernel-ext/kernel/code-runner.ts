import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { format } from "node:util";
import * as ts from "@tslab/typescript-for-tslab";
import type { Converter } from "tslab/dist/converter";
import type { ConverterSet, Executor } from "tslab/dist/executor";
import { packageRoot } from "../package-root";
import { cellCompleteness } from "./cell-completeness";
import { cellTraceback } from "./tracebacks";
import { cellSourceMaps, scriptName } from "./cell-source-maps";
import { requireTslabConverter } from "./tslab-converter";
import { installTypescriptForTslab, setConverterOptions } from "./typescript-for-tslab";

export { packageRoot };

type Tslab = typeof import("tslab/dist/converter.js") & typeof import("tslab/dist/executor.js") & typeof import("tslab/dist/inspect.js");

/** tslab's converter, executor and inspect, required after the TypeScript it must see is in place. */
function loadTslab(): Tslab {
  installTypescriptForTslab();
  return { ...(requireTslabConverter() as object), ...require("tslab/dist/executor"), ...require("tslab/dist/inspect") } as Tslab;
}

/** How a cell ended. */
export type RunResult = { status: "ok"; hasValue: boolean; value?: unknown } | { status: "error"; ename: string; evalue: string; traceback: string[] };

/** Runs TypeScript cells with tslab's converter and executor, and reports values and errors as data. */
export interface CodeRunner {
  /** Runs a cell; `executionCount` names it in later stack traces (`In[N]:LINE:COL`). */
  execute(code: string, executionCount?: number): Promise<RunResult>;
  complete(code: string, cursor: number): { matches: string[]; cursor_start: number; cursor_end: number };
  inspect(code: string, cursor: number): string | undefined;
  isComplete(code: string): { status: "complete" | "incomplete" | "invalid"; indent?: string };
  interrupt(): void;
  /** Compiles a trivial cell so the TypeScript program exists before the first request needs it. */
  warmUp(): void;
  /** The version of the TypeScript compiler that type-checks cells (language_info.version). */
  readonly typescriptVersion?: string;
}

/** The node_modules folders from `dir` up to the file system's root, nearest first. */
function nodeModulesUpFrom(dir: string): string[] {
  const found: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, "node_modules"))) found.push(join(d, "node_modules"));
    if (dirname(d) === d) return found;
  }
}

/** The node_modules folders dslab's dependencies are in: its own, and the one it is installed in. */
function moduleFolders(root: string): string[] {
  return dirname(root).endsWith("node_modules") ? [join(root, "node_modules"), dirname(root)] : [join(root, "node_modules")];
}

/**
 * Compiler options for cells run in `dir`, from dslab's package at `root`. tslab resolves
 * @types/node and imports from the working directory: in a folder without @types/node up the
 * tree even `console` would be unknown ("Cannot find name 'console'"), and outside any project
 * `import "dslab"` would not resolve. Then Node's types, and outside a project the packages,
 * come from dslab's folders too, as `require` finds them at run time (addGlobalModulePaths);
 * the folder's own files import as usual. Paths mappings do not read a package's
 * typesVersions, so dslab's subpath exports (dslab/kernel, dslab/widgets) are mapped one by one.
 */
export function cellCompilerOptions(dir: string, root: string): ts.CompilerOptions {
  const own = nodeModulesUpFrom(dir);
  if (own.some((folder) => existsSync(join(folder, "@types", "node", "package.json")))) return {};
  const typeRoots = [...own, ...moduleFolders(root)].map((f) => join(f, "@types")).filter((f) => existsSync(f));
  if (own.length > 0) return { typeRoots };
  // Mapped from a baseUrl above dslab's folders, with substitutions relative to it: a cell's
  // declarations (which carry its names to the next cell) can then name a type of, say, arquero
  // as "arquero/..." rather than by a relative path into node_modules, which TypeScript refuses
  // to emit ("likely not portable").
  const folders = moduleFolders(root);
  const baseUrl = dirname(folders[folders.length - 1]);
  const under = (path: string) => relative(baseUrl, path).split(sep).join("/");
  const paths: Record<string, string[]> = { "*": folders.flatMap((f) => [`${under(f)}/*`, `${under(f)}/@types/*`]) };
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; typesVersions?: Record<string, Record<string, string[]>> };
  for (const [subpath, targets] of Object.entries(manifest.typesVersions?.["*"] ?? {}))
    paths[`${manifest.name}/${subpath}`] = targets.map((t) => under(join(root, t)));
  return { typeRoots, baseUrl, paths };
}

/**
 * Lets `require("dslab")` (and dslab's dependencies) resolve from any working directory, after
 * the cwd's own node_modules, by adding dslab's node_modules folders to Node's global paths.
 */
function addGlobalModulePaths(root: string): void {
  const extra = moduleFolders(root);
  const current = (process.env.NODE_PATH ?? "").split(":").filter(Boolean);
  process.env.NODE_PATH = [...current, ...extra.filter((p) => !current.includes(p))].join(":");
  (Module as unknown as { _initPaths(): void })._initPaths();
}

/**
 * TypeScript includes every package under node_modules/@types as global declarations unless a
 * program sets `types`, and tslab's converter does not. In a project with many @types (ours has
 * jquery, lodash, react, backbone... through the widget packages) that costs start-up time and
 * pollutes cells with globals such as `$`. Only @types/node is global here; other packages'
 * types still load when a cell imports the package.
 */
function onlyNodeGlobalTypes(): void {
  const sys = ts.sys as typeof ts.sys & { dslabPatched?: boolean };
  if (sys.dslabPatched) return;
  const getDirectories = sys.getDirectories.bind(sys);
  sys.getDirectories = (path: string) => {
    const dirs = getDirectories(path);
    return /node_modules[\\/]@types[\\/]?$/.test(path) ? dirs.filter((d) => d === "node") : dirs;
  };
  sys.dslabPatched = true;
}

/** Options of {@link createCodeRunner}. */
export interface CodeRunnerOptions {
  /**
   * Told when a cell's script starts running (true) and when it ends (false): the kernel shares
   * this with its control thread, which sends SIGINT only into a running script.
   */
  onScript?: (running: boolean) => void;
}

/** Creates the runner for a kernel whose cells run in `cwd`. */
export function createCodeRunner(cwd: string = process.cwd(), options: CodeRunnerOptions = {}): CodeRunner {
  addGlobalModulePaths(packageRoot());
  onlyNodeGlobalTypes();
  const { createConverter, createExecutor, isCompleteCode, printQuickInfo } = loadTslab();
  nameCellScripts();
  const dir = resolve(cwd);
  setConverterOptions(cellCompilerOptions(dir, packageRoot()));
  let node: Converter | undefined;
  const convs: ConverterSet = {
    get node() {
      if (!node) {
        // The converter reads its directory from ts.sys once, at creation.
        const original = ts.sys.getCurrentDirectory;
        ts.sys.getCurrentDirectory = () => dir;
        try {
          node = createConverter({ isJS: false, isBrowser: false });
        } finally {
          ts.sys.getCurrentDirectory = original;
        }
      }
      return node;
    },
    get browser(): Converter {
      throw new Error("browser cells (//%browser) are not supported by the dslab kernel");
    },
    close() {
      node?.close();
    },
  };
  // tslab's executor reports through this console: log(value) for the last expression,
  // error(format, file, line, col, message) for diagnostics, error(e) for a thrown value.
  let last: { has: boolean; value?: unknown } = { has: false };
  let diagnostics: string[] = [];
  let thrown: { has: boolean; value?: unknown } = { has: false };
  const executor: Executor = createExecutor(cwd, convs, {
    log(value?: unknown) {
      last = { has: true, value };
    },
    error(first?: unknown, ...rest: unknown[]) {
      if (typeof first === "string" && first.startsWith("%s%d:%d")) diagnostics.push(format(first, ...rest));
      else thrown = { has: true, value: first };
    },
  });
  return {
    async execute(code, executionCount) {
      last = { has: false };
      diagnostics = [];
      thrown = { has: false };
      runningCell = { id: ++cellCount, executionCount, onScript: options.onScript };
      let ok: boolean;
      try {
        ok = await executor.execute(code);
      } finally {
        runningCell = undefined;
      }
      if (diagnostics.length > 0) {
        return { status: "error", ename: "CompileError", evalue: diagnostics.join("\n"), traceback: diagnostics.map((d) => `cell:${d}`) };
      }
      if (!ok || thrown.has) return errorResult(thrown.has ? thrown.value : new Error("execution failed"));
      // As in IPython, a trailing semicolon hides the value of the last expression.
      const suppressed = /;\s*(\/\/[^\n]*)?\s*$/.test(code);
      return { status: "ok", hasValue: last.has && !suppressed, value: last.value };
    },
    complete(code, cursor) {
      const info = executor.complete(code, cursor);
      return { matches: info.candidates, cursor_start: info.start, cursor_end: info.end };
    },
    inspect(code, cursor) {
      const info = executor.inspect(code, cursor);
      return info ? printQuickInfo(info) : undefined;
    },
    isComplete: (code) => cellCompleteness(ts, code, isCompleteCode(code)),
    interrupt() {
      // An interrupt while the cell is still being compiled would be lost (tslab's interrupt
      // only rejects an await already pending, and SIGINT breaks only a running script): the
      // cell is then not started at all.
      if (runningCell) runningCell.interrupted = true;
      executor.interrupt();
    },
    warmUp() {
      void convs.node;
    },
    typescriptVersion: ts.version,
  };
}

/** A thrown value as Jupyter error fields; stack frames in cells read `cell:LINE:COL` (see cell-source-maps.ts). */
export function errorResult(value: unknown): RunResult {
  if (value instanceof Error) return { status: "error", ename: value.name, evalue: value.message, traceback: cellTraceback(value) };
  const text = format("%O", value);
  return { status: "error", ename: "Error", evalue: `Uncaught ${text}`, traceback: [`Uncaught ${text}`] };
}

// tslab's executor runs a cell as `(function(exports, require) { JS\n})(...)` with vm.runInThisContext.
const CELL_WRAPPER = /^\((async )?function\(exports, require\) \{ /;
const CELL_WRAPPER_END = "\n})(__tslab__.exports, __tslab__.require)";
let runningCell: { id: number; executionCount?: number; interrupted?: boolean; onScript?: (running: boolean) => void } | undefined;
let cellCount = 0;
let namingCells = false;

/**
 * While a runner executes a cell, tslab's vm.runInThisContext call for it gets a script name
 * of the cell's own, so that every stack frame in the cell's code, now or when a function it
 * defined is called later, says which cell it is in. Other calls pass through unchanged.
 */
function nameCellScripts(): void {
  if (namingCells) return;
  namingCells = true;
  const vm = require("node:vm") as typeof import("node:vm");
  const run = vm.runInThisContext;
  const named = function (this: unknown, code: string, options?: string | import("node:vm").RunningScriptOptions) {
    const wrapper = runningCell && typeof code === "string" && CELL_WRAPPER.exec(code);
    if (
      runningCell &&
      wrapper &&
      code.endsWith(CELL_WRAPPER_END) &&
      (options === undefined || (typeof options === "object" && options.filename === undefined))
    ) {
      if (runningCell.interrupted) throw new Error("Interrupted before the cell started");
      const output = code.slice(wrapper[0].length, code.length - CELL_WRAPPER_END.length);
      cellSourceMaps.startCell(runningCell.id, output, wrapper[0].length, runningCell.executionCount);
      const { onScript } = runningCell;
      onScript?.(true);
      try {
        return run.call(this, code, { ...options, filename: scriptName(runningCell.id) });
      } finally {
        onScript?.(false);
      }
    }
    return run.call(this, code, options);
  };
  vm.runInThisContext = named as typeof vm.runInThisContext;
}
