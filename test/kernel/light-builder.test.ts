import * as ts from "@tslab/typescript-for-tslab";
import { describe, expect, it } from "vitest";
import { dependencies, lightBuilder } from "../../kernel-ext/kernel/light-builder";

const files: Record<string, string> = {
  "/p/lib.d.ts":
    "interface Array<T> {} interface Boolean {} interface Function {} interface IArguments {} interface Number {} interface Object {} interface RegExp {} interface String {} interface CallableFunction {} interface NewableFunction {}",
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

  it("emits CommonJS from an ES module program when asked, after the caller's own transformers, with one source map to the TypeScript", () => {
    const esm: ts.CompilerOptions = { ...options, module: ts.ModuleKind.ESNext, sourceMap: true, noImplicitUseStrict: true };
    const h = host();
    const source = 'import { c } from "./c";\nlet n = c;\n\nn = n + 1;\nexport { n };\nexport const last = n * 2;';
    h.readFile = (name) => (name === "/p/cell.ts" ? source : files[name]);
    const written = new Map<string, string>();
    const builder = lightBuilder(ts, undefined, { emitCommonJs: true })(["/p/lib.d.ts", "/p/cell.ts"], esm, h, undefined, undefined, undefined);
    // A caller's `after` transformer sees the ES module: here it renames `last` to `final`.
    const rename: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
      const visit = (node: ts.Node): ts.Node =>
        ts.isIdentifier(node) && node.text === "last" ? ts.factory.createIdentifier("final") : ts.visitEachChild(node, visit, context);
      return ts.visitEachChild(file, visit, context);
    };
    builder.emit(builder.getSourceFile("/p/cell.ts"), (name, text) => written.set(name, text), undefined, undefined, { after: [rename] });
    const js = written.get("/p/cell.js")!;
    expect(js).toContain('require("./c")');
    expect(js).toContain("exports.n = n = n + 1");
    expect(js).toContain("exports.final = n * 2");
    expect(js).not.toMatch(/^\s*(import|export)\b/m);
    // Without the option the emit stays an ES module.
    const plain = lightBuilder(ts)(["/p/lib.d.ts", "/p/cell.ts"], esm, h, undefined, undefined, undefined);
    let esmText = "";
    plain.emit(plain.getSourceFile("/p/cell.ts"), (name, text) => {
      if (name.endsWith(".js")) esmText = text;
    });
    expect(esmText).toMatch(/^import \{ c \} from "\.\/c";/m);
    // The map points the CommonJS line of `n = n + 1` at line 4 (0-based 3) of the TypeScript.
    const { SourceMap } = require("node:module") as typeof import("node:module");
    const map = new SourceMap(JSON.parse(written.get("/p/cell.js.map")!));
    const line = js.split("\n").findIndex((l) => l.includes("exports.n = n = n + 1"));
    expect(map.findEntry(line, js.split("\n")[line].indexOf("n = n"))).toMatchObject({ originalLine: 3 });
  });
});
