import type * as TS from "@tslab/typescript-for-tslab";
import { provideModule } from "../kernel/typescript-for-tslab";

/** What the snapshot hands over when it starts. */
export interface SnapshotContents {
  /** TypeScript, loaded, with its createSourceFile serving the pre-parsed declaration files. */
  ts: typeof TS;
  /** How many files are pre-parsed. */
  files: number;
  typescriptPath: string;
  /** The command line after `node --snapshot-blob BLOB`. */
  argv: string[];
}

/**
 * Runs `dslab ARGS` in a process started from the kernel snapshot: tslab, required from here
 * on, gets the snapshot's TypeScript. `snapshot-info` reports what the snapshot holds (the
 * build runs it to check the blob).
 */
export function startFromSnapshot({ ts, files, typescriptPath, argv }: SnapshotContents): void {
  if (argv[0] === "snapshot-info") {
    console.log(`dslab kernel snapshot: TypeScript ${ts.version}, ${files} declaration files parsed and bound`);
    return;
  }
  // TypeScript raises Error.stackTraceLimit while it loads; Node.js removes a changed limit
  // from a snapshot and, here, does not put one back: errors would carry no stack at all.
  if (typeof Error.stackTraceLimit !== "number") Error.stackTraceLimit = 10;
  provideModule(typescriptPath, ts);
  // Required only now: the kernel's modules load tslab, which must find the TypeScript above.
  const { main } = require("../cli") as typeof import("../cli.js");
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
