import { statSync } from "node:fs";
import type * as TS from "@tslab/typescript-for-tslab";
import { fileIdentity, type PreparsedTexts } from "../snapshot/preparsed-files";

/** A file's identity on disk now (see fileIdentity), or undefined if there is no such file. */
export function identifyFile(path: string): string | undefined {
  const status = statSync(path, { throwIfNoEntry: false });
  return status && fileIdentity(status);
}

/**
 * `system` with readFile serving the snapshot's pre-parsed declaration files from memory while
 * each file is the very file that was parsed (its identity unchanged), and createHash answering
 * for their texts with the hash the build computed. A first program reads 393 such files (3.1
 * MB, 36 ms of the kernel's warm-up) and hashes each for its version (10 ms); a stat each is
 * what remains. Any other file, a file changed on disk, or another encoding is read as before.
 */
export function readingPreparsedTexts(system: TS.System, texts: PreparsedTexts, identify: (path: string) => string | undefined = identifyFile): TS.System {
  const reading: TS.System = Object.create(system);
  reading.readFile = (path, encoding) => (encoding === undefined ? texts.text(path, identify) : undefined) ?? system.readFile(path, encoding);
  const createHash = system.createHash;
  if (createHash) reading.createHash = (data) => texts.hash(data) ?? createHash.call(system, data);
  return reading;
}

/** The pre-parsed texts of the snapshot's TypeScript (snapshot-entry.ts puts them on its createSourceFile), if it is that TypeScript. */
export function snapshotPreparsedTexts(ts: typeof TS): PreparsedTexts | undefined {
  return (ts.createSourceFile as { preparsedTexts?: PreparsedTexts }).preparsedTexts;
}
