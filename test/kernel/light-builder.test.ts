import * as ts from "@tslab/typescript-for-tslab";
import { describe, expect, it } from "vitest";
import { dependencies, lightBuilder } from "../../kernel-ext/kernel/light-builder";

const files: Record<string, string> = {
  "/p/lib.d.ts": "interface Array<T> {} interface Boolean {} interface Function {} interface IArguments {} interface Number {} interface Object {} interface RegExp {} interface String {} interface CallableFunction {} interface NewableFunction {}",
  "/p/cell.ts": '/// <reference path="./ref.d.ts" />\nimport { b } from "./b";\nexport const x = b + refd;',
  "/p/b.ts": 'import { c } from "./c";\nexport const b = c + 1;',
  "/p/c.ts": "export const c = 1;",
  "/p/ref.d.ts": "declare const refd: number;",
  "/p/unrelated.ts": "export const u = 2;",
};

function host(): ts.CompilerHost {
  const h = ts.createCompilerHost({});
  h.readFile = (name) => files[name];
  h.fileExists = (name) => name in files;
  h.getCurrentDirectory = () => "/p";
  h.directoryExists = (dir) => dir === "/p" || dir === "/";
  h.getDirectories = () => [];
  return h;
}

const options: ts.CompilerOptions = { noLib: true, types: [], module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, declaration: true };

describe("the light builder behind tslab's watch program", () => {
  it("finds a file's dependencies by its imports and references, transitively, and nothing else", () => {
    const program = ts.createProgram({ rootNames: ["/p/lib.d.ts", "/p/cell.ts", "/p/unrelated.ts"], options, host: host() });
    expect(dependencies(program, program.getSourceFile("/p/cell.ts")!).sort()).toEqual(["/p/b.ts", "/p/c.ts", "/p/cell.ts", "/p/ref.d.ts"]);
    expect(dependencies(program, program.getSourceFile("/p/unrelated.ts")!)).toEqual(["/p/unrelated.ts"]);
  });

  it("answers diagnostics and emit for a file as the program does, and has bound every file when created", () => {
    const builder = lightBuilder(ts)(["/p/lib.d.ts", "/p/cell.ts"], options, host(), undefined, undefined, undefined);
    const cell = builder.getSourceFile("/p/cell.ts")!;
    expect((cell as ts.SourceFile & { locals?: unknown }).locals).toBeDefined();
    expect(builder.getSemanticDiagnostics(cell)).toEqual([]);
    const written: string[] = [];
    builder.emit(cell, (name) => written.push(name));
    expect(written.sort()).toEqual(["/p/cell.d.ts", "/p/cell.js"]);
  });
});
