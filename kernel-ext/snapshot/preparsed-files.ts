// Declaration files parsed and bound ahead of time, in the kernel's start-up snapshot, and the
// hook through which TypeScript's createSourceFile returns them. This file is loaded both as a
// module and, while the snapshot is built, by compiling it directly: it must not require anything.
import type * as TS from "@tslab/typescript-for-tslab";

/** What createSourceFile's hook is called with, and returns a pre-parsed file or undefined. */
export type ParseHook = (
  fileName: string,
  text: string,
  options: TS.ScriptTarget | TS.CreateSourceFileOptions,
  setParentNodes?: boolean,
) => TS.SourceFile | undefined;

const CREATE_SOURCE_FILE = "function createSourceFile(fileName, sourceText, languageVersionOrOptions, setParentNodes = false, scriptKind) {";

/**
 * TypeScript's bundle with a hook at the top of createSourceFile: `ts.createSourceFile.preparsed`,
 * when set, may answer instead of the parser. Every caller inside TypeScript, the watch program
 * tslab uses included, goes through createSourceFile, so pre-parsed files enter the program's
 * own caches and versions like any other file. Throws if this TypeScript has no such function.
 */
export function addParseHook(typescriptSource: string): string {
  const at = typescriptSource.indexOf(CREATE_SOURCE_FILE);
  if (at < 0 || typescriptSource.indexOf(CREATE_SOURCE_FILE, at + 1) >= 0) throw new Error("this TypeScript has no single createSourceFile to hook");
  const hook =
    "const preparsed = createSourceFile.preparsed && createSourceFile.preparsed(fileName, sourceText, languageVersionOrOptions, setParentNodes); if (preparsed) return preparsed;";
  const end = at + CREATE_SOURCE_FILE.length;
  return `${typescriptSource.slice(0, end)} ${hook}${typescriptSource.slice(end)}`;
}

/** Parses and binds each file with the options of the program that will use it. */
export function parseAndBind(
  ts: typeof TS,
  paths: readonly string[],
  options: TS.CompilerOptions,
  readFile: (path: string) => string,
): Map<string, TS.SourceFile> {
  const bind = (ts as unknown as { bindSourceFile(file: TS.SourceFile, options: TS.CompilerOptions): void }).bindSourceFile;
  const files = new Map<string, TS.SourceFile>();
  for (const path of paths) {
    const file = ts.createSourceFile(path, readFile(path), { languageVersion: options.target ?? ts.ScriptTarget.ES2022 });
    bind(file, options);
    files.set(path, file);
  }
  return files;
}

/**
 * The hook that answers from `files`: a file is returned, once, when asked for with the text it
 * was parsed from, for the same language version and module format, without parent pointers
 * requested (binding sets them anyway). Anything else is parsed as usual. Once handed out, a
 * file belongs to that program: TypeScript's language service shares bound files between
 * programs the same way, and the checker does not mutate them.
 */
export function preparsedLookup(files: ReadonlyMap<string, TS.SourceFile>): ParseHook {
  const handedOut = new Set<string>();
  return (fileName, text, options) => {
    const file = files.get(fileName);
    if (!file || handedOut.has(fileName)) return undefined;
    const languageVersion = typeof options === "object" ? options.languageVersion : options;
    const impliedNodeFormat = typeof options === "object" ? options.impliedNodeFormat : undefined;
    if (file.languageVersion !== languageVersion || file.impliedNodeFormat !== impliedNodeFormat || file.text !== text) return undefined;
    handedOut.add(fileName);
    return file;
  };
}

/** The fields of a file's status that tell whether its contents may have changed. */
export interface FileStatus {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * A file's identity on disk: device, inode, size, modification and status-change times. While
 * it stays the same the contents do: any write changes the change time, which no tool can set
 * back (npm, for one, sets every installed file's modification time to the same 1985 date), and
 * a file replaced by another has another inode.
 */
export function fileIdentity(status: FileStatus): string {
  return `${status.dev}:${status.ino}:${status.size}:${status.mtimeMs}:${status.ctimeMs}`;
}

/** What preparsedTexts returns; the kernel reads through it (see preparsed-system.ts). */
export interface PreparsedTexts {
  text(path: string, identify: (path: string) => string | undefined): string | undefined;
  hash(text: string): string | undefined;
}

/** A pre-parsed file's text as it was read, with the identity its file had then and, when the build knew it, the text's hash. */
export interface PreparsedText {
  identity: string;
  /** ts.sys.createHash of the text (SHA-256, hex), as the kernel's TypeScript computes it. */
  hash?: string;
}

/**
 * Serves the pre-parsed files' texts without reading them again: `text(path, identify)` is the
 * text the file was parsed from when `identify(path)` (the file's identity now) is the identity
 * it had then, else undefined (read it); `hash(text)` is the hash the build computed for the
 * text served last, when given that very string (TypeScript hashes each text it reads, for the
 * file's version, right after reading it), else undefined (compute it). A kernel's first
 * program reads all of them (3.1 MB) and hashes each.
 */
export function preparsedTexts(files: ReadonlyMap<string, TS.SourceFile>, known: ReadonlyMap<string, PreparsedText>): PreparsedTexts {
  let served: { text: string; hash?: string } | undefined;
  return {
    text(path, identify) {
      const file = files.get(path);
      const entry = known.get(path);
      if (!file || !entry || identify(path) !== entry.identity) return undefined;
      served = { text: file.text, hash: entry.hash };
      return file.text;
    },
    hash: (text) => (served && text === served.text ? served.hash : undefined),
  };
}

/** What a deferred jsDoc stands on until it is first used: its node and its comments' places. */
interface DeferredJSDoc extends Array<TS.JSDoc> {
  node: TS.Node;
  /** [pos, end] of each JSDoc comment, in the file's text. */
  ranges: Array<[number, number]>;
  /** The contextual flags the parser gave the comments (Ambient in a declaration file). */
  ambient: number;
  parsed?: TS.JSDoc[];
}

/**
 * Leaves the JSDoc comments of `files` unparsed until something reads them: each node's
 * `jsDoc` becomes an array that parses its comments the first time it is touched (then the node
 * holds the parsed array itself). Type-checking a cell reads none of it (with skipLibCheck,
 * as the kernel compiles, declaration files are not checked themselves, and a @deprecated tag
 * is in its node's flags since parsing) but the JSDoc of a deprecated declaration the cell
 * uses; the kernel's inspect and completion details do, for the documentation they show. @types/node's
 * documentation is a tenth of the kernel's start-up snapshot: 6970 nodes' JSDoc, 4.4 MB of
 * 43 MB, read at every start (39.6 MB with it deferred).
 *
 * A comment is parsed again from the file's text with TypeScript's parseIsolatedJSDocComment
 * into the same nodes and positions; that parser works in a JavaScript context, so each node's
 * flags are given the declaration file's context instead. It also leaves a @deprecated tag it
 * met set for the next node parsed with JSDoc anywhere, so a tiny file is parsed to take it.
 */
export function deferJSDoc(ts: typeof TS, files: Iterable<TS.SourceFile>): number {
  const { JavaScriptFile } = ts.NodeFlags;
  // NodeFlags.Ambient, internal to TypeScript's declarations.
  const Ambient = (ts.NodeFlags as unknown as { Ambient: number }).Ambient;
  const eachNode = (node: TS.Node, visit: (n: TS.Node) => void) => {
    visit(node);
    ts.forEachChild(node, (child) => eachNode(child, visit));
  };
  const parse = (deferred: DeferredJSDoc): TS.JSDoc[] => {
    let file = deferred.node;
    while (file.parent) file = file.parent;
    let deprecated = false;
    const parsed = deferred.ranges.map(([pos, end]) => {
      const jsDoc = (
        ts as unknown as { parseIsolatedJSDocComment(text: string, start: number, length: number): { jsDoc: TS.JSDoc } }
      ).parseIsolatedJSDocComment((file as TS.SourceFile).text, pos, end - pos).jsDoc;
      (jsDoc as { parent: TS.Node }).parent = deferred.node;
      eachNode(jsDoc, (n) => {
        (n as { flags: number }).flags = (n.flags & ~JavaScriptFile) | deferred.ambient;
      });
      deprecated ||= (jsDoc.tags ?? []).some((tag) => tag.tagName.escapedText === "deprecated");
      return jsDoc;
    });
    if (deprecated) ts.createSourceFile("/dslab-jsdoc-reset.ts", "/** */ x", ts.ScriptTarget.Latest);
    (deferred.node as { jsDoc?: TS.JSDoc[] }).jsDoc = parsed;
    return parsed;
  };
  const parsedOf = (deferred: DeferredJSDoc) => {
    deferred.parsed ??= parse(deferred);
    return deferred.parsed;
  };
  // Every operation on the stand-in is the parsed array's.
  const handler: ProxyHandler<DeferredJSDoc> = {};
  const traps = ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "getPrototypeOf"] as const;
  for (const trap of traps) {
    (handler as Record<string, unknown>)[trap] = (deferred: DeferredJSDoc, ...rest: unknown[]) =>
      (Reflect[trap] as (...args: unknown[]) => unknown)(parsedOf(deferred), ...rest);
  }
  let count = 0;
  for (const file of files) {
    eachNode(file, (node) => {
      const jsDoc = (node as { jsDoc?: TS.JSDoc[] }).jsDoc;
      if (!jsDoc?.length) return;
      const deferred = Object.assign([] as TS.JSDoc[], {
        node,
        ranges: jsDoc.map((j) => [j.pos, j.end] as [number, number]),
        ambient: jsDoc[0].flags & Ambient,
      });
      (node as { jsDoc?: TS.JSDoc[] }).jsDoc = new Proxy(deferred, handler);
      count++;
    });
  }
  return count;
}
