// The script that V8's start-up snapshot of the kernel is built from:
//   node --snapshot-blob BLOB --build-snapshot entry.js
// with DSLAB_SNAPSHOT_PLAN naming the plan (scripts/build-kernel-snapshot.ts runs it).
//
// A kernel spends most of its start in TypeScript: loading the compiler, then parsing and
// binding @types/node, the libs and dslab's declarations (2.8 MB of text) for the first cell.
// The snapshot holds all of that, done once at build time. Only Node's built-in modules can be
// required while a snapshot is built, so TypeScript's one-file bundle and preparsed-files.js
// are compiled directly, and the kernel itself is required only when the snapshot starts.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { startupSnapshot } from "node:v8";
import { runInThisContext } from "node:vm";
import type * as TS from "@tslab/typescript-for-tslab";
import type * as Preparsed from "./preparsed-files";
import type { SnapshotPlan } from "./snapshot-plan";
import type { startFromSnapshot } from "./start-from-snapshot";

const planFile = process.env.DSLAB_SNAPSHOT_PLAN;
if (!planFile) throw new Error("DSLAB_SNAPSHOT_PLAN is not set: run scripts/build-kernel-snapshot.ts");
const plan = JSON.parse(readFileSync(planFile, "utf8")) as SnapshotPlan;

/**
 * The builder's require (built-ins only), except node:crypto, which must stay out of the
 * snapshot. On Node.js 24, a process started from a snapshot that has node:crypto loaded aborts
 * as soon as one of its worker threads loads node:crypto too (`Assertion failed:
 * env->crypto_key_object_constructor_template().IsEmpty()`): the worker inherits the snapshot's
 * KeyObject template but loads the module afresh. The kernel's control thread signs messages,
 * so every kernel died at start. TypeScript requires crypto inside a try when it loads, only
 * for ts.sys.createHash; start-from-snapshot.ts puts that back once the snapshot has started.
 */
function builderRequire(id: string): unknown {
  if (id === "crypto" || id === "node:crypto") throw new Error("node:crypto is kept out of the kernel snapshot");
  return require(id);
}

/** Runs CommonJS source as Node's loader would, with builderRequire. */
function loadCommonJs(path: string, source: string): unknown {
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path }) as (
    ...args: unknown[]
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, builderRequire, module, path, dirname(path));
  return module.exports;
}

const preparsedModule = join(dirname(plan.startModule), "preparsed-files.js");
const preparsed = loadCommonJs(preparsedModule, readFileSync(preparsedModule, "utf8")) as typeof Preparsed;
const ts = loadCommonJs(plan.typescript, preparsed.addParseHook(readFileSync(plan.typescriptSource, "utf8"))) as typeof TS;
// Each file's identity as it is read here: a kernel serves the text without reading the file
// while the identity holds, and uses the recording's hash when the file was the same then.
const identify = (path: string) => preparsed.fileIdentity(statSync(path));
const known = new Map<string, Preparsed.PreparsedText>();
const files = preparsed.parseAndBind(ts, plan.files, plan.compilerOptions as TS.CompilerOptions, (path) => {
  const identity = identify(path);
  const text = readFileSync(path, "utf8");
  if (identify(path) === identity) known.set(path, plan.texts[path]?.identity === identity ? plan.texts[path] : { identity });
  return text;
});
// Their documentation is parsed when the kernel first shows it (inspect, completion details).
preparsed.deferJSDoc(ts, files.values());
Object.assign(ts.createSourceFile, { preparsed: preparsed.preparsedLookup(files), preparsedTexts: preparsed.preparsedTexts(files, known) });

startupSnapshot.setDeserializeMainFunction(() => {
  // What the snapshot holds, before the kernel's modules add theirs (snapshot-info reports it).
  const modulesAtStart = [...(process as unknown as { moduleLoadList: string[] }).moduleLoadList];
  // Now a full require exists: load the kernel from dist/ as usual.
  const { createRequire } = require("node:module") as typeof import("node:module");
  const start = (createRequire(plan.startModule)(plan.startModule) as { startFromSnapshot: typeof startFromSnapshot }).startFromSnapshot;
  start({ ts, files: files.size, typescriptPath: plan.typescript, argv: process.argv.slice(1), modulesAtStart });
});
