// Rewrites of TypeScript's one-file bundle that leave what it computes unchanged but let V8's
// young-generation collector (the scavenger) free a program's garbage.
//
// A kernel builds a new program, type checker and emit for every cell, and tslab transpiles
// each cell once more (ts.transpileModule: another program, checker and emit). All of it is
// garbage after the cell, yet nearly all of it (~330 KB a cell) survived every scavenge,
// was copied into the old generation and freed only by the next full collection. The copying
// made one cell in ~12 wait 5–10 ms: the kernel's execute p99.
//
// The cause is objects that V8 allocates directly in the old generation, which a scavenge
// treats as roots whether or not they are still reachable:
// - a function expression written straight into a property (`a.b = () => ...`) is allocated
//   old ("pretenured"), V8 expecting a method; it holds its scope, and through it the program;
// - a getter or setter that is a fresh closure lives in an old-generation accessor pair, with
//   the same effect: the checker's `noIterationTypes` sentinel and the context that
//   transformNodes hands every transformer have such accessors.
// Measured with `gc({ type: "minor" })` after ts.transpileModule of a one-line cell: 282 KB
// survive a scavenge unpatched, 4 KB patched.

import type * as TS from "@tslab/typescript-for-tslab";

/** A patched bundle and what was done to it. */
export interface PatchedTypescript {
  source: string;
  /** The patches applied, by name. */
  applied: string[];
  /** The patches whose target this TypeScript does not have (a different version), by name. */
  skipped: string[];
}

/**
 * `a.b = function () {}` / `a[k] = () => {}` become `a.b = (0, function () {})`: the same
 * value, but no longer the direct operand of a property store, so V8 allocates it young.
 */
export function wrapFunctionsStoredInProperties(ts: typeof TS, source: string): { source: string; count: number } {
  const file = ts.createSourceFile("typescript.js", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ranges: Array<[number, number]> = [];
  const visit = (node: TS.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      isAssignmentOperator(ts, node.operatorToken.kind) &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))
    ) {
      let value: TS.Expression = node.right;
      while (ts.isParenthesizedExpression(value)) value = value.expression;
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ranges.push([value.getStart(file), value.end]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // A function stored inside a function that is stored gives nested ranges: each gets its own
  // wrapper, inserted in source order (an opening and a closing never share a position).
  const inserts: Array<[number, string]> = [];
  for (const [start, end] of ranges) inserts.push([start, "(0, "], [end, ")"]);
  inserts.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [position, text] of inserts) {
    out += source.slice(at, position) + text;
    at = position;
  }
  return { source: out + source.slice(at), count: ranges.length };
}

function isAssignmentOperator(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

const NO_ITERATION_TYPES = `    var noIterationTypes = {
      get yieldType() {
        return Debug.fail("Not supported");
      },
      get returnType() {
        return Debug.fail("Not supported");
      },
      get nextType() {
        return Debug.fail("Not supported");
      }
    };
`;
const CREATE_TYPE_CHECKER = "  function createTypeChecker(host) {\n";

/**
 * The checker's `noIterationTypes` is a sentinel whose getters only fail; every checker made
 * its own. One, made once beside createTypeChecker, serves them all: it is only ever compared
 * by identity, within the checker that stored it.
 */
export function shareNoIterationTypes(source: string): string | undefined {
  const shared = NO_ITERATION_TYPES.replace("    var noIterationTypes", "  var sharedNoIterationTypes").replace(/\n {2}/g, "\n");
  return replaceEachOnce(source, [
    [NO_ITERATION_TYPES, "    var noIterationTypes = sharedNoIterationTypes;\n"],
    [CREATE_TYPE_CHECKER, shared + CREATE_TYPE_CHECKER],
  ]);
}

const HOOK_ACCESSORS = `      get onSubstituteNode() {
        return onSubstituteNode;
      },
      set onSubstituteNode(value) {
        Debug.assert(state < 1 /* Initialized */, "Cannot modify transformation hooks after initialization has completed.");
        Debug.assert(value !== void 0, "Value must not be 'undefined'");
        onSubstituteNode = value;
      },
      get onEmitNode() {
        return onEmitNode;
      },
      set onEmitNode(value) {
        Debug.assert(state < 1 /* Initialized */, "Cannot modify transformation hooks after initialization has completed.");
        Debug.assert(value !== void 0, "Value must not be 'undefined'");
        onEmitNode = value;
      },
`;
const HOOK_METHODS = `      __proto__: transformationHookAccessors,
      getOnSubstituteNode: () => onSubstituteNode,
      setOnSubstituteNode: (value) => {
        Debug.assert(state < 1 /* Initialized */, "Cannot modify transformation hooks after initialization has completed.");
        Debug.assert(value !== void 0, "Value must not be 'undefined'");
        onSubstituteNode = value;
      },
      getOnEmitNode: () => onEmitNode,
      setOnEmitNode: (value) => {
        Debug.assert(state < 1 /* Initialized */, "Cannot modify transformation hooks after initialization has completed.");
        Debug.assert(value !== void 0, "Value must not be 'undefined'");
        onEmitNode = value;
      },
`;
const TRANSFORM_NODES = "  function transformNodes(resolver, host, factory2, options, nodes, transformers, allowDtsFiles) {\n";
const SHARED_HOOK_ACCESSORS = `  var transformationHookAccessors = {
    get onSubstituteNode() { return this.getOnSubstituteNode(); },
    set onSubstituteNode(value) { this.setOnSubstituteNode(value); },
    get onEmitNode() { return this.getOnEmitNode(); },
    set onEmitNode(value) { this.setOnEmitNode(value); }
  };
`;

/**
 * The context transformNodes gives transformers has accessors `onSubstituteNode` and
 * `onEmitNode` over its own variables. They move to a prototype made once, which calls plain
 * methods of the context; reading and assigning the hooks, assertions included, are unchanged.
 */
export function shareTransformationHookAccessors(source: string): string | undefined {
  return replaceEachOnce(source, [
    [HOOK_ACCESSORS, HOOK_METHODS],
    [TRANSFORM_NODES, SHARED_HOOK_ACCESSORS + TRANSFORM_NODES],
  ]);
}

const SCRIPT_TARGET_FEATURES = "  function getScriptTargetFeatures() {\n    return new Map(Object.entries({\n";

/**
 * getScriptTargetFeatures builds a table of which lib adds which global (~27 KB of maps) at
 * every call, to suggest a lib in "Cannot find name" errors. ts.transpileModule type-checks
 * with no lib, so every cell's transpile reports its eight missing global types, and built the
 * table eight times (216 KB, over a quarter of a cell's garbage). It is built once now; its
 * callers only read it.
 */
export function shareScriptTargetFeatures(source: string): string | undefined {
  const memoized =
    "  var scriptTargetFeatures;\n  function getScriptTargetFeatures() {\n    return scriptTargetFeatures || (scriptTargetFeatures = createScriptTargetFeatures());\n  }\n";
  return replaceEachOnce(source, [
    [SCRIPT_TARGET_FEATURES, memoized + SCRIPT_TARGET_FEATURES.replace("getScriptTargetFeatures", "createScriptTargetFeatures")],
  ]);
}

const FILE_TO_DIRECTIVE = `      let fileToDirective;
      if (resolvedTypeReferenceDirectives) {
        fileToDirective = /* @__PURE__ */ new Map();
        resolvedTypeReferenceDirectives.forEach(({ resolvedTypeReferenceDirective }, key, mode) => {
          if (!(resolvedTypeReferenceDirective == null ? void 0 : resolvedTypeReferenceDirective.resolvedFileName)) {
            return;
          }
          const file = host.getSourceFile(resolvedTypeReferenceDirective.resolvedFileName);
          if (file) {
            addReferencedFilesToTypeDirective(file, key, mode);
          }
        });
      }
`;

/**
 * The checker's emit resolver maps every file reached from a type reference directive (all of
 * @types/node's) to its directive, when the checker is made: for every cell's new checker, ~1 ms
 * of a cell with Node's types. Only a declaration emit that names a type from such a file
 * reads the map. It is now built at the first read: from the same program, whose files and
 * resolutions never change, so the map is the same as before.
 */
export function buildFileToDirectiveOnFirstUse(source: string): string | undefined {
  const lazy = `${FILE_TO_DIRECTIVE.replace(
    "      let fileToDirective;\n      if (resolvedTypeReferenceDirectives) {\n",
    "      let fileToDirective;\n      let fileToDirectiveBuilt = false;\n      const ensureFileToDirective = () => {\n      if (!fileToDirectiveBuilt && resolvedTypeReferenceDirectives) {\n        fileToDirectiveBuilt = true;\n",
  )}      return fileToDirective;\n      };\n`;
  return replaceEachOnce(source, [
    [FILE_TO_DIRECTIVE, lazy],
    [
      "        if (!fileToDirective) {\n          return void 0;\n        }\n        let meaning;",
      "        if (!ensureFileToDirective()) {\n          return void 0;\n        }\n        let meaning;",
    ],
    [
      "        if (!fileToDirective || !isSymbolFromTypeDeclarationFile(symbol)) {",
      "        if (!ensureFileToDirective() || !isSymbolFromTypeDeclarationFile(symbol)) {",
    ],
  ]);
}

const CREATE_SOURCE_FILE_OPTIONS =
  "      const result = getImpliedNodeFormatForFileWorker(getNormalizedAbsolutePath(fileName, currentDirectory), moduleResolutionCache2 == null ? void 0 : moduleResolutionCache2.getPackageJsonInfoCache(), host2, options2);\n";
const GET_NORMALIZED_ABSOLUTE_PATH = "  function getNormalizedAbsolutePath(fileName, currentDirectory) {\n";
const NORMALIZED_ABSOLUTE_PATHS = `  var normalizedAbsolutePaths = /* @__PURE__ */ new Map();
  function getNormalizedAbsolutePathRemembered(fileName, currentDirectory) {
    let inDirectory = normalizedAbsolutePaths.get(currentDirectory);
    if (!inDirectory) normalizedAbsolutePaths.set(currentDirectory, inDirectory = /* @__PURE__ */ new Map());
    let path = inDirectory.get(fileName);
    if (path === void 0) {
      if (inDirectory.size >= 65536) inDirectory.clear();
      path = getNormalizedAbsolutePath(fileName, currentDirectory);
      inDirectory.set(fileName, path);
    }
    return path;
  }
`;

/**
 * Every new program asks, for each of its files (~400 with Node's types), the options to parse
 * it with, though only new files are parsed; the question normalizes the file's absolute path
 * (split into components, resolve, join), ~0.3 ms of every cell. The normalized path is a
 * function of the two strings alone, so it is remembered, per directory (bounded).
 */
export function rememberNormalizedPathsOfSourceFiles(source: string): string | undefined {
  return replaceEachOnce(source, [
    [CREATE_SOURCE_FILE_OPTIONS, CREATE_SOURCE_FILE_OPTIONS.replace("getNormalizedAbsolutePath(", "getNormalizedAbsolutePathRemembered(")],
    [GET_NORMALIZED_ABSOLUTE_PATH, NORMALIZED_ABSOLUTE_PATHS + GET_NORMALIZED_ABSOLUTE_PATH],
  ]);
}

const NODE_MODULE_NAME_RESOLVER =
  "  function nodeModuleNameResolver(moduleName, containingFile, compilerOptions, host, cache, redirectedReference, isConfigLookup) {\n";

/**
 * A module name with the `node:` scheme names one of Node.js's built-in modules: Node.js never
 * looks for it in a folder, and @types/node declares each as an ambient module (`declare module
 * "node:fs"`), which is where the checker finds it. TypeScript 5.0 still looks for such a name
 * as a package, in every node_modules folder from the importing file up (~60 file-system
 * probes a name); @types/node imports ~50 of them, so a kernel's first program spent ~50 ms
 * of its start failing to find them. Now they fail at once, as they would have (with no
 * lookup locations to watch: none can ever hold them).
 */
export function builtinModulesAreNotFiles(source: string): string | undefined {
  return replaceEachOnce(source, [
    [
      NODE_MODULE_NAME_RESOLVER,
      `${NODE_MODULE_NAME_RESOLVER}    if (!isConfigLookup && moduleName.startsWith("node:")) return createResolvedModuleWithFailedLookupLocations(void 0, void 0, [], [], [], void 0);\n`,
    ],
  ]);
}

const PATH_FOR_LIB_FILE = "    function pathForLibFile(libFileName) {\n";
// biome-ignore lint/suspicious/noTemplateCurlyInString: the bundle's own source text, matched as it is written
const LIB_LOOKUP = "      const resolveFrom = combinePaths(currentDirectory, `__lib_node_modules_lookup_${libFileName}__.ts`);\n";
const LIB_REPLACEMENT_MAY_EXIST = `    var nodeModulesAboveProgram;
    function libReplacementMayExist(libPath) {
      if (!host.directoryExists || !host.fileExists) return true;
      if (!nodeModulesAboveProgram) {
        nodeModulesAboveProgram = [];
        forEachAncestorDirectory(currentDirectory, (directory) => {
          const nodeModules = combinePaths(directory, "node_modules");
          if (host.directoryExists(nodeModules)) nodeModulesAboveProgram.push(nodeModules);
        });
      }
      const typesPackage = "@types/typescript__lib-" + libPath.split("/")[0];
      return nodeModulesAboveProgram.some((nodeModules) => host.directoryExists(combinePaths(nodeModules, "@typescript")) || host.directoryExists(combinePaths(nodeModules, typesPackage)) || host.fileExists(combinePaths(nodeModules, typesPackage + ".d.ts")));
    }
`;

/**
 * For each lib file (55 with Node's types), a program first looks for a package that replaces
 * it, `@typescript/lib-NAME` (or its `@types/typescript__lib-NAME`), the way an import is
 * resolved, from the program's directory up through every node_modules folder: ~30 ms of a
 * kernel's first program, for packages hardly anyone installs. Such a package can only be in a
 * node_modules folder above the program's directory that has an `@typescript` folder, or that
 * `@types` package (a folder, or a file with .d.ts added): the lookup now runs only where one
 * of those exists, and finds what it found before; elsewhere the lib is TypeScript's own, as the
 * lookup would have concluded.
 */
export function lookForLibReplacementsOnlyWhereTheyCanBe(source: string): string | undefined {
  return replaceEachOnce(source, [
    [PATH_FOR_LIB_FILE, LIB_REPLACEMENT_MAY_EXIST + PATH_FOR_LIB_FILE],
    [LIB_LOOKUP, `      if (!libReplacementMayExist(path)) return combinePaths(defaultLibraryPath, libFileName);\n${LIB_LOOKUP}`],
  ]);
}

const CREATE_PROGRAM = "  function createProgram(rootNamesOrOptions, _options, _host, _oldProgram, _configFileParsingDiagnostics) {\n";
/**
 * Functions declared inside createProgram and createTypeChecker that run once per program or
 * checker, set-up for all of it, as createProgram and createTypeChecker do (see
 * never-optimize.ts): tryReuseStructureFromOldProgram (TurboFan compiled it three times in a
 * kernel's first 250 cells, 212 ms of CPU) and initializeTypeChecker (30 ms). Each call of the
 * outer function now records them on it, as `setUpFunctions`, so that the kernel can mark them
 * too: V8 marks a function's shared code, every closure of it.
 */
export function exposeSetUpFunctions(source: string): string | undefined {
  // Each inner function's declaration is "replaced" by itself: replaceEachOnce then declines a
  // bundle where it is missing, instead of writing a reference to an undefined name.
  return replaceEachOnce(source, [
    [CREATE_PROGRAM, `${CREATE_PROGRAM}    createProgram.setUpFunctions = [tryReuseStructureFromOldProgram];\n`],
    ["    function tryReuseStructureFromOldProgram() {\n", "    function tryReuseStructureFromOldProgram() {\n"],
    [CREATE_TYPE_CHECKER, `${CREATE_TYPE_CHECKER}    createTypeChecker.setUpFunctions = [initializeTypeChecker];\n`],
    ["    function initializeTypeChecker() {\n", "    function initializeTypeChecker() {\n"],
  ]);
}

/** `source` with each `from` replaced by its `to`, or undefined unless every `from` occurs exactly once. */
function replaceEachOnce(source: string, edits: Array<[from: string, to: string]>): string | undefined {
  const once = (text: string) => {
    const at = source.indexOf(text);
    return at >= 0 && source.indexOf(text, at + 1) < 0;
  };
  if (!edits.every(([from]) => once(from))) return undefined;
  // A function, so that `$` in a replacement is taken literally.
  return edits.reduce((text, [from, to]) => text.replace(from, () => to), source);
}

/** All of the above, in order; a patch whose target is missing is skipped and named. */
export function patchTypescript(ts: typeof TS, source: string): PatchedTypescript {
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const [name, patch] of [
    ["shareNoIterationTypes", shareNoIterationTypes],
    ["shareTransformationHookAccessors", shareTransformationHookAccessors],
    ["shareScriptTargetFeatures", shareScriptTargetFeatures],
    ["buildFileToDirectiveOnFirstUse", buildFileToDirectiveOnFirstUse],
    ["rememberNormalizedPathsOfSourceFiles", rememberNormalizedPathsOfSourceFiles],
    ["builtinModulesAreNotFiles", builtinModulesAreNotFiles],
    ["lookForLibReplacementsOnlyWhereTheyCanBe", lookForLibReplacementsOnlyWhereTheyCanBe],
    ["exposeSetUpFunctions", exposeSetUpFunctions],
  ] as const) {
    const patched = patch(source);
    if (patched === undefined) skipped.push(name);
    else {
      source = patched;
      applied.push(name);
    }
  }
  const wrapped = wrapFunctionsStoredInProperties(ts, source);
  (wrapped.count > 0 ? applied : skipped).push("wrapFunctionsStoredInProperties");
  const latin1 = escapeBeyondLatin1(wrapped.source);
  // Nothing to escape is not a missing target: the bundle is one-byte already.
  if (latin1.count > 0) applied.push("escapeBeyondLatin1");
  return { source: latin1.source, applied, skipped };
}

/**
 * The source with every UTF-16 code unit above U+00FF written as a `\uXXXX` escape, which
 * means the same character in a string, template, regular expression or identifier (and is
 * only text in a comment). V8 keeps a script's source for as long as its functions may be
 * compiled: with a single character beyond Latin-1 (TypeScript 5.0's bundle has five, all in
 * comments) the whole 8 MB source is a two-byte string, 16 MB in every kernel's heap, in the
 * start-up snapshot, and copied again by each worker thread, which starts from the snapshot's
 * isolate data too. Throws where such a character follows a backslash (an escape of its own,
 * which the rewrite would break).
 */
export function escapeBeyondLatin1(source: string): { source: string; count: number } {
  let count = 0;
  const escaped = source.replace(/[\u0100-\uffff]/g, (char, offset: number) => {
    if (source[offset - 1] === "\\") throw new Error(`escapeBeyondLatin1: U+${char.charCodeAt(0).toString(16)} at ${offset} follows a backslash`);
    count++;
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  return { source: escaped, count };
}
