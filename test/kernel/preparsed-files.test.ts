import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { runInThisContext } from "node:vm";
import type * as TS from "@tslab/typescript-for-tslab";
import { beforeAll, describe, expect, it } from "vitest";
import { addParseHook, parseAndBind, preparsedLookup, type ParseHook } from "../../kernel-ext/snapshot/preparsed-files";
import { tslabTypescriptPath } from "../../kernel-ext/kernel/typescript-for-tslab";

// tslab's TypeScript, compiled here with the hook, as the snapshot build does.
let ts: typeof TS & { createSourceFile: typeof TS.createSourceFile & { preparsed?: ParseHook } };
const options: TS.CompilerOptions = { target: 9 /* ES2022 */, module: 99 /* ESNext */, noLib: true, types: [] };
const files: Record<string, string> = {
  "/p/lib.d.ts":
    "interface Array<T> { length: number } interface Boolean {} interface Function {} interface IArguments {} interface Number {} interface Object {} interface RegExp {} interface String {} interface CallableFunction {} interface NewableFunction {}\ndeclare function twice(x: number): number;",
  "/p/cell.ts": "export const y: number = twice(2);\nexport const z: string = twice(3);",
};

beforeAll(() => {
  const path = tslabTypescriptPath();
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${addParseHook(readFileSync(path, "utf8"))}\n})`, {
    filename: path,
  });
  const module = { exports: {} };
  wrapper(module.exports, require, module, path, dirname(path));
  ts = module.exports as typeof ts;
});

function program(): TS.Program {
  const host = ts.createCompilerHost(options);
  host.readFile = (name) => files[name];
  host.fileExists = (name) => name in files;
  return ts.createProgram({ rootNames: Object.keys(files), options, host });
}

describe("the snapshot's pre-parsed declaration files", () => {
  it("hooks TypeScript's createSourceFile, and refuses a TypeScript without one", () => {
    expect(typeof ts.createSourceFile).toBe("function");
    expect(() => addParseHook("function somethingElse() {}")).toThrow("no single createSourceFile");
  });

  it("enter a program as the very objects parsed and bound ahead of time, and type-check as if parsed there", () => {
    const parsed = parseAndBind(ts, ["/p/lib.d.ts"], options, (p) => files[p]);
    ts.createSourceFile.preparsed = preparsedLookup(parsed);
    try {
      const p = program();
      expect(p.getSourceFile("/p/lib.d.ts")).toBe(parsed.get("/p/lib.d.ts"));
      const messages = p.getSemanticDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(messages).toEqual(["Type 'number' is not assignable to type 'string'."]);
    } finally {
      ts.createSourceFile.preparsed = undefined;
    }
  });

  it("are handed out once, and only for the same text, language version and module format", () => {
    const parsed = parseAndBind(ts, ["/p/lib.d.ts"], options, (p) => files[p]);
    const file = parsed.get("/p/lib.d.ts")!;
    const lookup = preparsedLookup(parsed);
    expect(lookup("/p/lib.d.ts", `${files["/p/lib.d.ts"]} `, 9)).toBeUndefined();
    expect(lookup("/p/lib.d.ts", files["/p/lib.d.ts"], 7)).toBeUndefined();
    expect(lookup("/p/lib.d.ts", files["/p/lib.d.ts"], { languageVersion: 9, impliedNodeFormat: 99 })).toBeUndefined();
    expect(lookup("/p/other.d.ts", files["/p/lib.d.ts"], 9)).toBeUndefined();
    expect(lookup("/p/lib.d.ts", files["/p/lib.d.ts"], { languageVersion: 9 })).toBe(file);
    expect(lookup("/p/lib.d.ts", files["/p/lib.d.ts"], 9)).toBeUndefined();
  });

  it("are parsed again when the file changed on disk since the snapshot", () => {
    const parsed = parseAndBind(ts, ["/p/lib.d.ts"], options, () => "declare function twice(x: string): string;");
    ts.createSourceFile.preparsed = preparsedLookup(parsed);
    try {
      const p = program();
      expect(p.getSourceFile("/p/lib.d.ts")).not.toBe(parsed.get("/p/lib.d.ts"));
      expect(p.getSourceFile("/p/lib.d.ts")!.text).toBe(files["/p/lib.d.ts"]);
    } finally {
      ts.createSourceFile.preparsed = undefined;
    }
  });
});
