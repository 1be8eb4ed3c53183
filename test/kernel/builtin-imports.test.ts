import * as ts from "@tslab/typescript-for-tslab";
import { describe, expect, it } from "vitest";
import { leaveBuiltinImportsUnresolved } from "../../kernel-ext/kernel/builtin-imports";

// A package on disk named like a built-in, with types unlike the built-in's: the checker
// prefers an ambient module declaration to a resolved file, so its types are never used.
const files: Record<string, string> = {
  "/p/lib.d.ts":
    "interface Array<T> {} interface Boolean {} interface Function {} interface IArguments {} interface Number {} interface Object {} interface RegExp {} interface String {} interface CallableFunction {} interface NewableFunction {}",
  "/p/node.d.ts": 'declare module "events" { export const e: number; }\ndeclare module "node:events" { export * from "events"; }',
  "/p/node_modules/events/package.json": '{"name":"events","types":"index.d.ts"}',
  "/p/node_modules/events/index.d.ts": "export const e: string;",
  "/p/local.ts": "export const l = 1;",
  "/p/cell.ts":
    'import { e } from "events";\nimport { l } from "./local";\nimport { e as e2 } from "node:events";\nexport const n: number = e;\nexport const m: number = e2 + l;',
};

function host(asked: string[]): ts.CompilerHost {
  const h = ts.createCompilerHost({});
  h.readFile = (name) => files[name];
  h.fileExists = (name) => name in files;
  h.getCurrentDirectory = () => "/p";
  h.directoryExists = (dir) => Object.keys(files).some((f) => f.startsWith(`${dir}/`));
  h.getDirectories = () => [];
  h.resolveModuleNameLiterals = (literals, containingFile, _redirected, options) =>
    literals.map((literal) => {
      asked.push(literal.text);
      return ts.resolveModuleName(literal.text, containingFile, options, h);
    });
  return h;
}

const options: ts.CompilerOptions = {
  noLib: true,
  types: [],
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Node10,
};

function check(wrap: boolean): { asked: string[]; errors: string[]; files: string[] } {
  const asked: string[] = [];
  const h = host(asked);
  if (wrap) leaveBuiltinImportsUnresolved(h);
  const program = ts.createProgram({ rootNames: ["/p/lib.d.ts", "/p/node.d.ts", "/p/cell.ts"], options, host: h });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return { asked, errors, files: program.getSourceFiles().map((f) => f.fileName) };
}

describe("imports of Node.js built-in modules", () => {
  it("are typed by the built-in's ambient declarations, without a search on disk, as require gives the built-in", () => {
    const wrapped = check(true);
    expect(wrapped.errors).toEqual([]);
    expect(wrapped.asked).toEqual(["./local"]);
    expect(wrapped.files).not.toContain("/p/node_modules/events/index.d.ts");
  });

  it("would otherwise be searched for on disk, and a package named like one loaded, for types the checker ignores", () => {
    const plain = check(false);
    expect(plain.asked).toEqual(["events", "./local", "node:events"]);
    expect(plain.files).toContain("/p/node_modules/events/index.d.ts");
    expect(plain.errors).toEqual([]);
  });

  it("pass other names to the host's resolution in one call, in order, and give answers in the literals' order", () => {
    const calls: string[][] = [];
    const h = ts.createCompilerHost({});
    const answer = (text: string) => ({ resolvedModule: { resolvedFileName: `/r/${text}.ts`, extension: ts.Extension.Ts } });
    h.resolveModuleNameLiterals = (literals) => {
      calls.push(literals.map((l) => l.text));
      return literals.map((l) => answer(l.text));
    };
    leaveBuiltinImportsUnresolved(h);
    leaveBuiltinImportsUnresolved(h); // a host is wrapped once
    const literals = ["a", "fs", "b", "node:test", "c"].map((text) => ts.factory.createStringLiteral(text));
    const file = ts.createSourceFile("/x.ts", "", ts.ScriptTarget.ES2022);
    const out = h.resolveModuleNameLiterals!(literals, "/x.ts", undefined, {}, file, undefined);
    expect(calls).toEqual([["a", "b", "c"]]);
    expect(out.map((r) => r.resolvedModule?.resolvedFileName)).toEqual(["/r/a.ts", undefined, "/r/b.ts", undefined, "/r/c.ts"]);
    // Names that are not built-ins, however close ("test" without node:, "fs/x"), are resolved as usual.
    calls.length = 0;
    h.resolveModuleNameLiterals!(
      ["test", "fsx"].map((t) => ts.factory.createStringLiteral(t)),
      "/x.ts",
      undefined,
      {},
      file,
      undefined,
    );
    expect(calls).toEqual([["test", "fsx"]]);
  });
});
