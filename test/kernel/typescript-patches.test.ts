import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { serialize } from "node:v8";
import { Script } from "node:vm";
import * as ts from "@tslab/typescript-for-tslab";
import { beforeAll, describe, expect, it } from "vitest";
import { compileModuleAs } from "../../kernel-ext/kernel/patched-typescript";
import { tslabTypescriptPath } from "../../kernel-ext/kernel/typescript-for-tslab";
import {
  buildFileToDirectiveOnFirstUse,
  builtinModulesAreNotFiles,
  escapeBeyondLatin1,
  exposeSetUpFunctions,
  lookForLibReplacementsOnlyWhereTheyCanBe,
  patchTypescript,
  rememberNormalizedPathsOfSourceFiles,
  shareNoIterationTypes,
  shareScriptTargetFeatures,
  shareTransformationHookAccessors,
  wrapFunctionsStoredInProperties,
} from "../../kernel-ext/kernel/typescript-patches";

const originalPath = tslabTypescriptPath();
const original = readFileSync(originalPath, "utf8");
let patched: ReturnType<typeof patchTypescript>;
let patchedFile: string;

/** What `code` evaluates to, run as a script in a fresh context. */
const run = (code: string) => new Script(code).runInNewContext({});

/** The patched bundle as a module of its own, at the original's path (where its lib files are), not cached. */
const loadPatched = () => compileModuleAs(originalPath, patched.source).exports as typeof ts;

beforeAll(() => {
  patched = patchTypescript(ts, original);
  patchedFile = join(mkdtempSync(join(tmpdir(), "dslab-ts-")), "typescript.js");
  writeFileSync(patchedFile, patched.source);
});

describe("wrapFunctionsStoredInProperties", () => {
  it("wraps every function expression stored straight into a property, nested ones too, and nothing else", () => {
    const source = [
      "a.b = () => 1;",
      "a[k] = function named() { return 2; };",
      "a.c ||= async (x) => { a.d = (y) => y; return x; };",
      "a.e = (x => x);",
      "plain = () => 3;",
      "const f = () => 4;",
      "a.g = f;",
      "a.h = { m: () => 5 };",
    ].join("\n");
    const { source: out, count } = wrapFunctionsStoredInProperties(ts, source);
    expect(count).toBe(5);
    expect(out.split("\n")).toEqual([
      "a.b = (0, () => 1);",
      "a[k] = (0, function named() { return 2; });",
      "a.c ||= (0, async (x) => { a.d = (0, (y) => y); return x; });",
      "a.e = ((0, x => x));",
      "plain = () => 3;",
      "const f = () => 4;",
      "a.g = f;",
      "a.h = { m: () => 5 };",
    ]);
  });

  it("leaves what the code computes unchanged", () => {
    const source = "const o = {}; o.twice = (x) => 2 * x; o['add'] = function (a, b) { return a + b; }; o.twice(o.add(1, 2))";
    expect(run(wrapFunctionsStoredInProperties(ts, source).source)).toBe(run(source));
  });
});

/** Whether V8 holds `text` as a one-byte string (its serializer tags one-byte strings '"', two-byte ones 'c'). */
const isOneByte = (text: string) => serialize(text)[2] === 0x22;

describe("escapeBeyondLatin1", () => {
  it("escapes each code unit beyond U+00FF, so that strings, templates, regular expressions and identifiers mean the same", () => {
    const source = [
      "// Source file ID → symbol ID",
      "const caf\u00e9 = 'don’t → 😀';",
      "const ok = /[→]/.test('a→b') && /😀/u.test('😀');",
      "const ñame = `it’s ${café.length}`;",
      "const ⅹ = 1;",
      "[café, ok, ñame, ⅹ]",
    ].join("\n");
    const out = escapeBeyondLatin1(source);
    expect(out.count).toBe(14);
    expect([...out.source].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(out.source).toContain("// Source file ID \\u2192 symbol ID");
    expect(run(out.source)).toEqual(run(source));
    expect(run(out.source)).toEqual(["don’t → 😀", true, "it’s 10", 1]);
  });

  it("refuses a character that a backslash escapes already, which the rewrite would break", () => {
    expect(() => escapeBeyondLatin1("const s = '\\→';")).toThrow(/U\+2192 at 12 follows a backslash/);
  });

  it("makes the patched bundle, as a kernel reads it from disk, a one-byte string: half the memory of the original", () => {
    expect(isOneByte(original)).toBe(false);
    expect(isOneByte(readFileSync(patchedFile, "utf8"))).toBe(true);
  });
});

describe("the text patches", () => {
  it("each apply once to the TypeScript tslab loads, and decline a bundle without their target", () => {
    for (const patch of [
      shareNoIterationTypes,
      shareTransformationHookAccessors,
      shareScriptTargetFeatures,
      buildFileToDirectiveOnFirstUse,
      rememberNormalizedPathsOfSourceFiles,
      builtinModulesAreNotFiles,
      lookForLibReplacementsOnlyWhereTheyCanBe,
      exposeSetUpFunctions,
    ]) {
      expect(patch(original)).toBeTypeOf("string");
      expect(patch("var unrelated = 1;\n")).toBeUndefined();
    }
    expect(patched.applied).toEqual([
      "shareNoIterationTypes",
      "shareTransformationHookAccessors",
      "shareScriptTargetFeatures",
      "buildFileToDirectiveOnFirstUse",
      "rememberNormalizedPathsOfSourceFiles",
      "builtinModulesAreNotFiles",
      "lookForLibReplacementsOnlyWhereTheyCanBe",
      "exposeSetUpFunctions",
      "wrapFunctionsStoredInProperties",
      "escapeBeyondLatin1",
    ]);
    expect(patched.skipped).toEqual([]);
    expect(() => new Script(patched.source)).not.toThrow();
  });
});

/** A compiler host of `t` that also has `files` (path to text). */
function hostWith(t: typeof ts, files: Record<string, string>): ts.CompilerHost {
  const host = t.createCompilerHost({});
  const readFile = host.readFile;
  host.readFile = (f) => files[f] ?? readFile(f);
  host.fileExists = (f) => f in files || t.sys.fileExists(f);
  return host;
}

describe("the patched TypeScript", () => {
  it("transpiles, type-checks and reports errors exactly as the original", () => {
    const copy = loadPatched();
    const sources = [
      'import * as fs from "fs";\nexport const a = fs.readFileSync;\nexport default class C { m() { return a; } }',
      "export let x = 1; x++; export function* g() { yield x; }\nexport { x as y };",
      "const t: number = 1 as any; enum E { A, B } export const e = E.B;",
    ];
    for (const source of sources) {
      for (const module of [ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext]) {
        const options = { compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, reportDiagnostics: true };
        const a = ts.transpileModule(source, options);
        const b = copy.transpileModule(source, options);
        expect(b.outputText).toBe(a.outputText);
        expect(b.diagnostics?.map((d) => d.messageText)).toEqual(a.diagnostics?.map((d) => d.messageText));
      }
    }
    const check = (t: typeof ts) => {
      const host = hostWith(t, { "/m.ts": "const s: string = 1;\nconst n = [1, 2].map((v) => v * 2).includes('x');\nundefinedName;\n" });
      const program = t.createProgram(["/m.ts"], { strict: true, target: t.ScriptTarget.ES2022, types: [] }, host);
      return t.getPreEmitDiagnostics(program).map((d) => `${d.start}: ${t.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    };
    expect(check(copy)).toEqual(check(ts));
    expect(check(copy)).toHaveLength(3);
  });

  it("records, on createProgram and createTypeChecker, the set-up functions declared inside them, once they have run", () => {
    const copy = loadPatched() as typeof ts & {
      createProgram: { setUpFunctions?: Array<() => void> };
      createTypeChecker: { setUpFunctions?: Array<() => void> };
    };
    expect(copy.createProgram.setUpFunctions).toBeUndefined();
    const program = copy.createProgram(["/m.ts"], { types: [] }, hostWith(copy, { "/m.ts": "export const m = 1;" }));
    expect(copy.createProgram.setUpFunctions?.map((f) => f.name)).toEqual(["tryReuseStructureFromOldProgram"]);
    program.getTypeChecker();
    expect(copy.createTypeChecker.setUpFunctions?.map((f) => f.name)).toEqual(["initializeTypeChecker"]);
  });

  it("finds a program's files, relative to each program's own directory, and their module format, as the original", () => {
    // Root files named relative to the program's directory: their module format comes from the
    // package.json above that directory (one of type module under /b only).
    const formatsOf = (t: typeof ts, dir: string) => {
      const files: Record<string, string> = { "m.mts": "export const m = 1;", "n.ts": "export const n = 1;", "/b/package.json": '{ "type": "module" }' };
      const host = hostWith(t, files);
      host.getCurrentDirectory = () => dir;
      host.directoryExists = (d) => /^\/(a|b)(\/|$)/.test(d) || t.sys.directoryExists(d);
      const getSourceFile = host.getSourceFile;
      host.getSourceFile = (name, options, ...rest) => (name in files ? t.createSourceFile(name, files[name], options) : getSourceFile(name, options, ...rest));
      const program = t.createProgram(["m.mts", "n.ts"], { module: t.ModuleKind.Node16, moduleResolution: t.ModuleResolutionKind.Node16, types: [] }, host);
      return ["m.mts", "n.ts"].map((name) => program.getSourceFile(name)?.impliedNodeFormat);
    };
    const copy = loadPatched();
    for (const dir of ["/a", "/b/c", "/a", "/b/c"]) expect(formatsOf(copy, dir), dir).toEqual(formatsOf(ts, dir));
    expect(formatsOf(copy, "/a")).toEqual([ts.ModuleKind.ESNext, ts.ModuleKind.CommonJS]);
    expect(formatsOf(copy, "/b/c")).toEqual([ts.ModuleKind.ESNext, ts.ModuleKind.ESNext]);
  });

  it("resolves `node:` names without looking in any folder, to the same (ambient) modules and types as the original", () => {
    const probes: string[] = [];
    const check = (t: typeof ts) => {
      const host = hostWith(t, {
        "/p/m.ts":
          'import { readFileSync } from "node:fs";\nimport * as path from "path";\nexport const r: string = readFileSync("x", "utf8");\nexport const j = path.join;\nexport const n: number = readFileSync("x");\n',
      });
      const fileExists = host.fileExists;
      host.fileExists = (f) => {
        if (f.includes("node:")) probes.push(f);
        return fileExists(f);
      };
      const typeRoots = [join(__dirname, "..", "..", "node_modules", "@types")];
      const program = t.createProgram(
        ["/p/m.ts"],
        { target: t.ScriptTarget.ES2022, module: t.ModuleKind.CommonJS, types: ["node"], typeRoots, strict: true },
        host,
      );
      const resolutions: Array<[string, string | undefined]> = [];
      for (const name of ["node:fs", "path"])
        resolutions.push([name, t.resolveModuleName(name, "/p/m.ts", program.getCompilerOptions(), host).resolvedModule?.resolvedFileName]);
      const diagnostics = t.getPreEmitDiagnostics(program).map((d) => `${d.start}: ${t.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      return { resolutions, diagnostics };
    };
    const original = check(ts);
    expect(probes.length).toBeGreaterThan(0);
    probes.length = 0;
    expect(check(loadPatched())).toEqual(original);
    expect(probes).toEqual([]);
    // The one error: a string is not a number (node:fs's types were found).
    expect(original.diagnostics).toHaveLength(1);
    expect(original.diagnostics[0]).toMatch(/Type 'Buffer' is not assignable to type 'number'/);
  });

  it("finds the same lib files as the original, a package replacing one included, looking for such packages only where one can be", () => {
    // Each case: a project folder under a node_modules folder with the files given (or none).
    const cases: Record<string, Record<string, string>> = {
      none: {},
      "@typescript/lib-es2015/collection.d.ts": { "@typescript/lib-es2015/collection.d.ts": "declare const fromTypescriptScope: 1;\n" },
      "@types/typescript__lib-es2015/collection.d.ts": { "@types/typescript__lib-es2015/collection.d.ts": "declare const fromTypesScope: 1;\n" },
      "@types/typescript__lib-es5/index.d.ts": {
        "@types/typescript__lib-es5/index.d.ts": `${readFileSync(join(dirname(originalPath), "lib.es5.d.ts"), "utf8")}\ndeclare const es5Replaced: 1;\n`,
      },
      "@types/typescript__lib-es5.d.ts": { "@types/typescript__lib-es5.d.ts": "declare const es5File: 1;\n" },
      "an unrelated @types package": { "@types/other/index.d.ts": "declare const other: 1;\n" },
    };
    for (const [name, files] of Object.entries(cases)) {
      const top = mkdtempSync(join(tmpdir(), "dslab-lib-replacement-"));
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(top, "node_modules", file)), { recursive: true });
        writeFileSync(join(top, "node_modules", file), text);
      }
      mkdirSync(join(top, "node_modules"), { recursive: true });
      const project = join(top, "project", "src");
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, "a.ts"), "export const m = new Map<string, number>();\n");
      const probes: string[] = [];
      const compile = (t: typeof ts) => {
        const host = t.createCompilerHost({});
        host.getCurrentDirectory = () => project;
        const { fileExists, directoryExists } = host;
        host.fileExists = (f) => {
          if (/lib-es|typescript__lib/.test(f)) probes.push(f);
          return fileExists(f);
        };
        host.directoryExists = (d) => {
          if (/lib-es|typescript__lib/.test(d)) probes.push(d);
          return directoryExists!(d);
        };
        const options = { lib: ["lib.es5.d.ts", "lib.es2015.collection.d.ts"], types: [], noEmit: true, strict: true };
        const program = t.createProgram([join(project, "a.ts")], options, host);
        const diagnostics = t.getPreEmitDiagnostics(program).map((d) => t.flattenDiagnosticMessageText(d.messageText, "\n"));
        return { files: program.getSourceFiles().map((f) => f.fileName.replace(top, "TOP").replace(dirname(originalPath), "TS")), diagnostics };
      };
      const before = compile(ts);
      const originalProbes = probes.splice(0);
      const after = compile(loadPatched());
      expect(after, name).toEqual(before);
      // The original looks into the @typescript scope for each lib, in each node_modules folder up.
      expect(originalProbes.filter((p) => p.includes(join("@typescript", "lib-"))).length, name).toBeGreaterThan(0);
      if (name === "none" || name === "an unrelated @types package") {
        const libs = ["lib.es5.d.ts", "lib.es2015.collection.d.ts", "lib.decorators.d.ts", "lib.decorators.legacy.d.ts"];
        expect(before.files, name).toEqual([...libs.map((l) => join("TS", l)), join("TOP", "project", "src", "a.ts")]);
        // The patched one only asks whether the @types package is there, as a folder or a file.
        expect(
          probes.filter((p) => p.includes(join("@typescript", "lib-"))),
          name,
        ).toEqual([]);
        expect(new Set(probes.map((p) => p.replace(/.*node_modules[\\/]/, ""))), name).toEqual(
          new Set(["es5", "es2015", "decorators"].flatMap((l) => [join("@types", `typescript__lib-${l}`), join("@types", `typescript__lib-${l}.d.ts`)])),
        );
      } else {
        // The package was found, by both.
        expect(
          before.files.some((f) => f.startsWith(join("TOP", "node_modules"))),
          name,
        ).toBe(true);
      }
    }
  });

  it("emits the same declarations, with the same type reference directives, as the original", () => {
    // A declaration that names a type from @types/node gets `/// <reference types="node" />`:
    // the emit resolver's map of files to directives, which the patched checker builds at first use.
    const emitDeclarations = (t: typeof ts) => {
      const host = hostWith(t, {
        "/d/m.ts": 'export const b = Buffer.alloc(1);\nexport const s = (p: string) => require("fs").statSync(p) as import("fs").Stats;\nexport const n = 1;\n',
      });
      const typeRoots = [join(__dirname, "..", "..", "node_modules", "@types")];
      const program = t.createProgram(
        ["/d/m.ts"],
        { declaration: true, emitDeclarationOnly: true, target: t.ScriptTarget.ES2022, module: t.ModuleKind.CommonJS, types: ["node"], typeRoots },
        host,
      );
      let out = "";
      program.emit(undefined, (name, text) => {
        out += `${name}\n${text}`;
      });
      return out;
    };
    const patchedOut = emitDeclarations(loadPatched());
    expect(patchedOut).toBe(emitDeclarations(ts));
    expect(patchedOut).toContain('/// <reference types="node" />');
    expect(patchedOut).toContain("export declare const b: Buffer;");
  });

  it("lets a young-generation collection free what a transpile leaves behind", () => {
    // In a process of its own, with --expose-gc: bytes of the new space that survive a
    // scavenge, per ts.transpileModule of a one-line cell, after warm-up. All of it is garbage.
    const script = `
      const v8 = require("v8");
      const Module = require("module");
      const [original, file] = process.argv.slice(1);
      let ts = require(original);
      if (file) { const m = new Module(original); m.filename = original; m.paths = Module._nodeModulePaths(require("path").dirname(original)); m._compile(require("fs").readFileSync(file, "utf8"), original); ts = m.exports; }
      const options = { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, noImplicitUseStrict: true } };
      const cell = () => ts.transpileModule("export const tsLastExpr = 1 + 1;\\nexport {};\\n", options);
      for (let i = 0; i < 200; i++) cell();
      const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_used_size;
      // The least of five windows: a marking cycle that starts inside one only adds survivors.
      let least = Infinity;
      for (let window = 0; window < 5; window++) {
        gc(); gc({ type: "minor" }); gc({ type: "minor" });
        const before = young();
        for (let i = 0; i < 10; i++) cell();
        gc({ type: "minor" });
        least = Math.min(least, (young() - before) / 10);
      }
      console.log(Math.round(least));
    `;
    const survivors = (...files: string[]) =>
      Number(execFileSync(process.execPath, ["--expose-gc", "-e", script, originalPath, ...files], { encoding: "utf8" }));
    const unpatched = survivors();
    const withPatches = survivors(patchedFile);
    console.log(`bytes surviving a scavenge per transpile: original ${unpatched}, patched ${withPatches}`);
    // Typically ~5 KB patched (up to ~30 KB when V8 pretenures some allocation site), ~290 KB not.
    expect(withPatches).toBeLessThan(60_000);
    expect(withPatches).toBeLessThan(unpatched / 4);
  });
});
