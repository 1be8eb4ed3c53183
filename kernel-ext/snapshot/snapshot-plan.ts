import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withHugePageMalloc } from "./huge-page-malloc";
import type { PreparsedText } from "./preparsed-files";

/** What the kernel's start-up snapshot holds, written by record-declarations and read by snapshot-entry. */
export interface SnapshotPlan {
  /** TypeScript's one-file bundle, as tslab loads it. */
  typescript: string;
  /** The text loaded in its place: the kernel's patched bundle when the build wrote one, else the same file. */
  typescriptSource: string;
  /** The compiler options of tslab's program: files are parsed and bound with these. */
  compilerOptions: Record<string, unknown>;
  /** Declaration files a kernel reads to run a first cell that imports dslab. */
  files: string[];
  /** Those files' identities on disk and texts' hashes as the recording kernel read them. */
  texts: Record<string, PreparsedText>;
  /** dist/kernel-ext/snapshot/start-from-snapshot.js, required when the snapshot starts. */
  startModule: string;
}

/** A built snapshot, proven by the build, and the Node.js that built it: a snapshot only loads in the same Node.js. */
export interface SnapshotInfo {
  blob: string;
  /** process.version of the Node.js that built it. */
  node: string;
  execPath: string;
  /** V8 options a kernel starts the blob with, before --snapshot-blob (RUN_OPTIONS, or none); absent in records of older builds. */
  v8Options?: string[];
}

/**
 * The V8 options a kernel starts its snapshot with, where the blob loads with them. Each takes
 * tens of milliseconds off a start on a 2-core machine (performance.nodeTiming, 11-15 rounds
 * interleaved, Node.js 20):
 *
 * --no-rehash-snapshot: by default V8 gives every process a fresh hash seed and, as it
 * deserializes a snapshot, recomputes the hash of every string and rebuilds every hash table in
 * it with that seed: for the kernel's 40 MB of TypeScript and parsed declarations, about 50 ms of
 * a 450 ms deserialization. Without it the blob keeps the seed it was built with. Node.js 22 and
 * later load a blob whatever V8 options it was built with, so the build runs with V8's defaults
 * and the seed is one drawn at random when the blob was built. Node.js 20 refuses a blob built
 * with other V8 options: there the build runs with these options too, and the seed is then the
 * one in V8's own snapshot, the same in every copy of that Node.js binary. The seed only guards
 * hash tables against keys chosen to collide; a kernel's keys come from its own user's cells and
 * data (messages are parsed only once their signature holds).
 *
 * --initial-old-space-size=128: V8 sets the old generation's first limit just above what it
 * deserialized (65 MB, limit 67 MB), so the kernel's first 2 MB start a full collection during
 * its first program and cell (46 ms of marking on the main thread, --trace-gc). With a 128 MB
 * first limit the kernel starts without one; a kernel's heap grows to at most 128 MB before its
 * first full collection, as V8's heuristics decide after that (after bootstrap: 404 -> 358 ms).
 */
export const RUN_OPTIONS: readonly string[] = ["--no-rehash-snapshot", "--initial-old-space-size=128"];

/** dist/kernel-snapshot/, where the build puts the plan, the blob and its info. */
export function snapshotDir(packageRoot: string): string {
  return join(packageRoot, "dist", "kernel-snapshot");
}

/** Where the build writes, in one line, why it made no snapshot. */
export function noSnapshotFile(packageRoot: string): string {
  return join(snapshotDir(packageRoot), "no-snapshot.txt");
}

/** Where the build writes the snapshot's record for bin/dslab-kernel, the kernelspec's command on POSIX systems. */
export function shellRecordFile(packageRoot: string): string {
  return join(snapshotDir(packageRoot), "snapshot.sh");
}

/**
 * snapshot.json's record as shell assignments, for bin/dslab-kernel to start a kernel from the
 * blob without a Node.js to read JSON: snapshot_node, snapshot_exec_path, snapshot_blob,
 * snapshot_huge_pages (1 where withHugePageMalloc gives the kernel huge pages: Linux), and
 * snapshot_v8_options (the script expands it unquoted, one word per option).
 */
export function shellRecord(info: SnapshotInfo, platform: NodeJS.Platform = process.platform): string {
  const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;
  const lines = [
    "# Written by scripts/build-kernel-snapshot.ts with snapshot.json; read by bin/dslab-kernel.",
    `snapshot_node=${quote(info.node)}`,
    `snapshot_exec_path=${quote(info.execPath)}`,
    `snapshot_blob=${quote(info.blob)}`,
    `snapshot_huge_pages=${withHugePageMalloc({}, platform).GLIBC_TUNABLES ? 1 : 0}`,
    `snapshot_v8_options=${quote(shellWords(info.v8Options ?? []))}`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Options joined for a shell's word splitting: each must be a plain `--name[=value]` word, with nothing a shell would expand. */
function shellWords(options: readonly string[]): string {
  for (const option of options)
    if (!/^--[A-Za-z0-9_-]+(=[A-Za-z0-9_.,:-]+)?$/.test(option)) throw new Error(`V8 option ${JSON.stringify(option)} cannot go into the shell record`);
  return options.join(" ");
}

/** The Node.js a kernel is about to run in. */
export interface NodeRuntime {
  version: string;
  execPath: string;
  /** Node.js options on its command line (process.execArgv) and in NODE_OPTIONS. */
  options: string[];
}

/** This process's Node.js. */
export function currentRuntime(env: NodeJS.ProcessEnv = process.env): NodeRuntime {
  const nodeOptions = (env.NODE_OPTIONS ?? "").trim();
  return { version: process.version, execPath: process.execPath, options: [...process.execArgv, ...(nodeOptions ? nodeOptions.split(/\s+/) : [])] };
}

/**
 * Whether a kernel in `runtime` can start from the snapshot the build made: only the very
 * Node.js that built it (same version, same binary), without Node.js options (Node.js 20 refuses
 * a snapshot built without a V8 option such as --max-old-space-size), and with its blob
 * present; with the V8 options it was proven with. Otherwise, why not, in words for the kernel's stderr.
 */
export function snapshotUse(packageRoot: string, runtime: NodeRuntime = currentRuntime()): { blob: string; v8Options: string[] } | { reason: string } {
  const infoFile = join(snapshotDir(packageRoot), "snapshot.json");
  if (!existsSync(infoFile)) {
    const why = existsSync(noSnapshotFile(packageRoot)) ? readFileSync(noSnapshotFile(packageRoot), "utf8").trim() : "";
    return { reason: why ? `the build made none: ${why}` : "the build made none" };
  }
  let info: SnapshotInfo;
  try {
    info = JSON.parse(readFileSync(infoFile, "utf8")) as SnapshotInfo;
  } catch {
    return { reason: `${infoFile} is unreadable` };
  }
  if (info.node !== runtime.version) return { reason: `it was built by Node.js ${info.node}, this is ${runtime.version}` };
  if (info.execPath !== runtime.execPath) return { reason: `it was built by ${info.execPath}, this Node.js is ${runtime.execPath}` };
  if (runtime.options.length > 0) return { reason: `Node.js runs with options (${runtime.options.join(" ")}) the snapshot was built without` };
  if (typeof info.blob !== "string" || !existsSync(info.blob)) return { reason: `its blob ${info.blob} is missing` };
  return { blob: info.blob, v8Options: info.v8Options ?? [] };
}
