import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { types } from "node:util";
import { runInThisContext } from "node:vm";
import type * as TS from "@tslab/typescript-for-tslab";
import { beforeAll, describe, expect, it } from "vitest";
import { identifyFile, readingPreparsedTexts } from "../../kernel-ext/kernel/preparsed-system";
import {
  addParseHook,
  deferJSDoc,
  fileIdentity,
  parseAndBind,
  preparsedLookup,
  preparsedTexts,
  type ParseHook,
  type PreparsedText,
} from "../../kernel-ext/snapshot/preparsed-files";
import { textHash } from "../../kernel-ext/snapshot/text-hash";
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

describe("the pre-parsed files' texts, served without reading them again", () => {
  const SAME_TIME = 499_162_500;
  /** A declaration file on disk, pre-parsed with its identity and hash as the build records them. */
  const onDisk = () => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-preparsed-"));
    const lib = join(dir, "lib.d.ts");
    writeFileSync(lib, files["/p/lib.d.ts"]);
    // npm gives every installed file the same modification time; a whole second here.
    utimesSync(lib, SAME_TIME, SAME_TIME);
    const cell = join(dir, "cell.ts");
    writeFileSync(cell, files["/p/cell.ts"]);
    const parsed = parseAndBind(ts, [lib], options, (p) => readFileSync(p, "utf8"));
    const known = new Map<string, PreparsedText>([[lib, { identity: identifyFile(lib)!, hash: textHash(files["/p/lib.d.ts"]) }]]);
    return { dir, lib, cell, parsed, known };
  };

  it("a file's identity changes with any write, even of as many bytes with its old modification time put back, and not otherwise", async () => {
    const { lib } = onDisk();
    const before = statSync(lib);
    expect(identifyFile(lib)).toBe(fileIdentity(before));
    expect(identifyFile(lib)).toBe(identifyFile(lib));
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(lib, files["/p/lib.d.ts"].replace("twice(x: number): number", "twice(x: string): number"));
    utimesSync(lib, SAME_TIME, SAME_TIME);
    expect(statSync(lib).size).toBe(before.size);
    expect(statSync(lib).mtimeMs).toBe(before.mtimeMs);
    expect(identifyFile(lib)).not.toBe(fileIdentity(before));
    expect(identifyFile(join(dirname(lib), "missing.d.ts"))).toBeUndefined();
  });

  it("serve a file's text while its identity holds, and the build's hash for exactly the text served last", () => {
    const { lib, parsed, known } = onDisk();
    const texts = preparsedTexts(parsed, known);
    const text = parsed.get(lib)!.text;
    expect(texts.hash(text)).toBeUndefined();
    expect(texts.text(lib, () => known.get(lib)!.identity)).toBe(text);
    expect(texts.hash(text)).toBe(textHash(text));
    expect(texts.hash(`${text} `)).toBeUndefined();
    expect(texts.text(lib, () => "another identity")).toBeUndefined();
    expect(texts.text(`${lib}x`, () => known.get(lib)!.identity)).toBeUndefined();
    const withoutHash = preparsedTexts(parsed, new Map([[lib, { identity: known.get(lib)!.identity }]]));
    expect(withoutHash.text(lib, () => known.get(lib)!.identity)).toBe(text);
    expect(withoutHash.hash(text)).toBeUndefined();
  });

  it("reach a watch program through its system: the pre-parsed file, not read, while unchanged; the file on disk once changed", async () => {
    const { lib, cell, parsed, known } = onDisk();
    const read: string[] = [];
    const hashed: string[] = [];
    const system: TS.System = Object.create(ts.sys);
    system.readFile = (path, encoding) => {
      read.push(path);
      return ts.sys.readFile(path, encoding);
    };
    system.createHash = (data) => {
      hashed.push(data);
      return textHash(data);
    };
    const diagnostics: string[] = [];
    const watchOptions = { ...options, noEmit: true };
    ts.createSourceFile.preparsed = preparsedLookup(parsed);
    const host = ts.createWatchCompilerHost(
      [lib, cell],
      watchOptions,
      readingPreparsedTexts(system, preparsedTexts(parsed, known)),
      ts.createSemanticDiagnosticsBuilderProgram,
      () => undefined,
      () => undefined,
    );
    const watch = ts.createWatchProgram(host);
    try {
      const first = watch.getProgram().getProgram();
      expect(first.getSourceFile(lib)).toBe(parsed.get(lib));
      expect(read).toEqual([cell]);
      expect(hashed).toEqual([files["/p/cell.ts"]]);
      diagnostics.push(...first.getSemanticDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")));
      expect(diagnostics).toEqual(["Type 'number' is not assignable to type 'string'."]);

      // The same number of bytes, another declaration, the old modification time.
      writeFileSync(lib, files["/p/lib.d.ts"].replace("twice(x: number): number", "twice(x: number): string"));
      utimesSync(lib, SAME_TIME, SAME_TIME);
      expect(statSync(lib).size).toBe(files["/p/lib.d.ts"].length);
      const program = ts.createProgram({ rootNames: [lib, cell], options: watchOptions, host: ts.createCompilerHost(watchOptions) });
      expect(program.getSemanticDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([
        "Type 'string' is not assignable to type 'number'.",
      ]);
      const reading = readingPreparsedTexts(system, preparsedTexts(parsed, known));
      expect(reading.readFile(lib)).toContain("twice(x: number): string");
      expect(read.at(-1)).toBe(lib);
    } finally {
      watch.close();
      ts.createSourceFile.preparsed = undefined;
    }
  });

  it("leave other files, other encodings and other texts' hashes to the system", () => {
    const { lib, cell, parsed, known } = onDisk();
    const calls: string[] = [];
    const system = {
      readFile: (path: string, encoding?: string) => {
        calls.push(`read ${path} ${encoding ?? ""}`.trim());
        return "from disk";
      },
      createHash: (data: string) => `hash of ${data}`,
    } as unknown as TS.System;
    const reading = readingPreparsedTexts(system, preparsedTexts(parsed, known));
    expect(reading.readFile(cell)).toBe("from disk");
    expect(reading.readFile(lib, "latin1")).toBe("from disk");
    expect(reading.readFile(lib)).toBe(parsed.get(lib)!.text);
    expect(calls).toEqual([`read ${cell}`, `read ${lib} latin1`]);
    expect(reading.createHash!("x")).toBe("hash of x");
    const unhashed = readingPreparsedTexts({ readFile: () => "" } as unknown as TS.System, preparsedTexts(parsed, known));
    expect(unhashed.createHash).toBeUndefined();
  });
});

describe("the pre-parsed files' JSDoc, parsed when first used", () => {
  const DOCUMENTED = [
    "/**",
    " * Reads a file, see {@link old}.",
    " * @param path where it is",
    " * @returns its text",
    " * @example",
    ' * read("x")',
    " */",
    "declare function read(path: string): string;",
    "/** @deprecated use {@link read} */",
    "declare function old(): void;",
    "declare namespace N {",
    "  /** A constant. */ const c: number;",
    "  /** First. */",
    "  /** Second: two comments on one node. */",
    "  function two(): void;",
    "}",
    "/** An interface. @see read */",
    "interface I { /** A member. */ m: number; }",
  ].join("\n");
  const USE = 'export const t: string = read("x");\nold();\nexport const n: number = N.c;';
  const docOptions: TS.CompilerOptions = { ...options, noLib: false, lib: undefined };

  /** The JSDoc trees of every node of `file`, as kinds, positions, flags, texts and parents. */
  const jsDocOf = (file: TS.SourceFile): unknown[] => {
    const out: unknown[] = [];
    const dump = (node: TS.Node, parent: TS.Node): unknown => {
      const children: unknown[] = [];
      ts.forEachChild(node, (child) => {
        children.push(dump(child, node));
      });
      const n = node as TS.Node & { comment?: unknown; escapedText?: string; text?: string };
      return [
        node.kind,
        node.pos,
        node.end,
        node.flags,
        node.parent === parent,
        typeof n.comment === "string" ? n.comment : null,
        n.escapedText ?? n.text ?? null,
        children,
      ];
    };
    const visit = (node: TS.Node): void => {
      const jsDoc = (node as { jsDoc?: TS.JSDoc[] }).jsDoc;
      if (jsDoc) out.push([node.kind, node.pos, jsDoc.map((doc) => dump(doc, node))]);
      ts.forEachChild(node, visit);
    };
    visit(file);
    return out;
  };
  const parsedPair = () => {
    const paths = ["/p/documented.d.ts"];
    const read = () => DOCUMENTED;
    return { eager: parseAndBind(ts, paths, options, read).get(paths[0])!, deferred: parseAndBind(ts, paths, options, read).get(paths[0])! };
  };
  const deferredNodes = (file: TS.SourceFile): TS.Node[] => {
    const nodes: TS.Node[] = [];
    const visit = (node: TS.Node): void => {
      if (types.isProxy((node as { jsDoc?: unknown }).jsDoc)) nodes.push(node);
      ts.forEachChild(node, visit);
    };
    visit(file);
    return nodes;
  };

  it("stand in for every node's comments and, once touched, are the trees TypeScript's parser made, with the same positions, flags, texts and parents", () => {
    const { eager, deferred } = parsedPair();
    const documentedNodes = jsDocOf(eager).length;
    expect(documentedNodes).toBeGreaterThanOrEqual(5);
    expect(deferJSDoc(ts, [deferred])).toBe(documentedNodes);
    expect(deferredNodes(deferred)).toHaveLength(documentedNodes);
    expect(jsDocOf(deferred)).toEqual(jsDocOf(eager));
    expect(deferredNodes(deferred)).toHaveLength(0);
    expect(JSON.stringify(jsDocOf(eager))).toContain("Second: two comments on one node.");
  });

  it("are not parsed by type-checking (skipLibCheck, as the kernel) a program that uses the declarations, but for a deprecated one it calls; documentation, tags and deprecations are as without deferring", () => {
    const { eager, deferred } = parsedPair();
    const count = deferJSDoc(ts, [deferred]);
    const programWith = (lib: TS.SourceFile) => {
      const host = ts.createCompilerHost(docOptions);
      host.getSourceFile = (name, target) => (name === "/p/documented.d.ts" ? lib : name === "/p/cell.ts" ? ts.createSourceFile(name, USE, target) : undefined);
      host.readFile = (name) => (name === "/p/cell.ts" ? USE : name === "/p/documented.d.ts" ? DOCUMENTED : undefined);
      host.fileExists = (name) => name === "/p/cell.ts" || name === "/p/documented.d.ts";
      // As the kernel compiles: declaration files are not checked themselves (checking one reads its JSDoc for {@link}s).
      return ts.createProgram({ rootNames: ["/p/documented.d.ts", "/p/cell.ts"], options: { ...docOptions, noLib: true, skipLibCheck: true }, host });
    };
    const documentation = (program: TS.Program) => {
      const checker = program.getTypeChecker();
      const cell = program.getSourceFile("/p/cell.ts")!;
      const names: TS.Identifier[] = [];
      const visit = (node: TS.Node): void => {
        if (ts.isIdentifier(node)) names.push(node);
        ts.forEachChild(node, visit);
      };
      visit(cell);
      return names.map((name) => {
        const symbol = checker.getSymbolAtLocation(name);
        return [
          name.text,
          ts.displayPartsToString(symbol?.getDocumentationComment(checker)),
          symbol?.getJsDocTags(checker).map((tag) => `${tag.name} ${ts.displayPartsToString(tag.text)}`),
        ];
      });
    };
    const eagerProgram = programWith(eager);
    const deferredProgram = programWith(deferred);
    const messages = (program: TS.Program) => program.getSemanticDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(messages(deferredProgram)).toEqual(messages(eagerProgram));
    // Only the deprecated declaration a cell calls: its suggestion points at the @deprecated tag.
    const named = (node: TS.Node) => (node as { name?: TS.Identifier }).name?.text ?? ts.SyntaxKind[node.kind];
    expect(deferredNodes(deferred)).toHaveLength(count - 1);
    expect(deferredNodes(deferred).map(named)).not.toContain("old");
    expect(deferredNodes(deferred).map(named)).toContain("read");
    const suggestions = (program: TS.Program) =>
      (program as unknown as { getSuggestionDiagnostics(file: TS.SourceFile): readonly TS.Diagnostic[] })
        .getSuggestionDiagnostics(program.getSourceFile("/p/cell.ts")!)
        .map((d) => [ts.flattenDiagnosticMessageText(d.messageText, "\n"), d.relatedInformation?.map((r) => r.start)]);
    expect(suggestions(deferredProgram)).toEqual(suggestions(eagerProgram));
    expect(suggestions(eagerProgram)[0]?.[0]).toMatch(/'old' is deprecated\.$/);
    expect(documentation(deferredProgram)).toEqual(documentation(eagerProgram));
    const read = documentation(eagerProgram).find(([name]) => name === "read");
    expect(read?.[1]).toBe("Reads a file, see {@link old}.");
    expect(read?.[2]).toEqual(["param path where it is", "returns its text", 'example read("x")']);
  });

  it("leave no @deprecated tag behind for the next node TypeScript parses", () => {
    const DEPRECATED = (ts.NodeFlags as unknown as { Deprecated: number }).Deprecated;
    const flagsOfNext = () => ts.createSourceFile("/p/next.ts", "/** Fine. */\nfunction next() {}", ts.ScriptTarget.ES2022).statements[0].flags & DEPRECATED;
    // The premise: TypeScript's isolated JSDoc parser does leave it behind.
    (ts as unknown as { parseIsolatedJSDocComment(t: string, s: number, l: number): unknown }).parseIsolatedJSDocComment("/** @deprecated */", 0, 18);
    expect(flagsOfNext()).not.toBe(0);
    expect(flagsOfNext()).toBe(0);
    const { deferred } = parsedPair();
    deferJSDoc(ts, [deferred]);
    jsDocOf(deferred);
    expect(flagsOfNext()).toBe(0);
  });
});
