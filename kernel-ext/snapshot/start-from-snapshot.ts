import type * as TS from "@tslab/typescript-for-tslab";
import { provideModule } from "../kernel/typescript-for-tslab";
import { restoreEnvironment } from "./huge-page-malloc";
import { textHash } from "./text-hash";

/** What the snapshot hands over when it starts. */
export interface SnapshotContents {
  /** TypeScript, loaded, with its createSourceFile serving the pre-parsed declaration files. */
  ts: typeof TS;
  /** How many files are pre-parsed. */
  files: number;
  typescriptPath: string;
  /** The command line after `node --snapshot-blob BLOB`. */
  argv: string[];
  /** Node's built-in modules loaded when the snapshot started (process.moduleLoadList). */
  modulesAtStart: string[];
}

/** Whether node:crypto was loaded while the snapshot was built (it must not be: see snapshot-entry.ts). */
export function snapshotHasCrypto(moduleLoadList: readonly string[]): boolean {
  return moduleLoadList.some((m) => m === "NativeModule crypto" || m.startsWith("NativeModule internal/crypto/"));
}

/**
 * Runs `dslab ARGS` in a process started from the kernel snapshot: tslab, required from here
 * on, gets the snapshot's TypeScript. `snapshot-info` reports what the snapshot holds (the
 * build runs it to check the blob).
 */
export function startFromSnapshot({ ts, files, typescriptPath, argv, modulesAtStart }: SnapshotContents): void {
  if (argv[0] === "snapshot-info") {
    const crypto = snapshotHasCrypto(modulesAtStart) ? "node:crypto loaded" : "without node:crypto";
    console.log(`dslab kernel snapshot: TypeScript ${ts.version}, ${files} declaration files parsed and bound, ${crypto}`);
    return;
  }
  restoreEnvironment();
  // TypeScript raises Error.stackTraceLimit while it loads; Node.js removes a changed limit
  // from a snapshot and, here, does not put one back: errors would carry no stack at all.
  if (typeof Error.stackTraceLimit !== "number") Error.stackTraceLimit = 10;
  // TypeScript loaded without node:crypto in the snapshot, so its hash fell back to djb2: the
  // SHA-256 it uses when loaded from disk, as ts.sys defines it.
  Object.assign(ts.sys, { createHash: textHash, createSHA256Hash: textHash });
  // Started by a launcher that could not hand its process over (Node.js without process.execve):
  // end with it, as the kernel would have.
  if (process.send && process.channel) {
    process.channel.unref();
    process.on("disconnect", () => process.exit(1));
  }
  provideModule(typescriptPath, ts);
  // Required only now: the kernel's modules load tslab, which must find the TypeScript above.
  const { main } = require("../cli") as typeof import("../cli.js");
  void main(argv, { startedFromSnapshot: true }).then((code) => {
    process.exitCode = code;
  });
}
