import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
  /** dist/kernel-ext/snapshot/start-from-snapshot.js, required when the snapshot starts. */
  startModule: string;
}

/** A built snapshot and the Node.js that built it: a snapshot only loads in the same Node.js. */
export interface SnapshotInfo {
  blob: string;
  node: string;
  execPath: string;
}

/** dist/kernel-snapshot/, where the build puts the plan, the blob and its info. */
export function snapshotDir(packageRoot: string): string {
  return join(packageRoot, "dist", "kernel-snapshot");
}

/**
 * The Node.js options that start the kernel from its snapshot, or none when there is no
 * snapshot built by this very Node.js (then the kernel starts from bin/dslab.js, slower).
 */
export function snapshotNodeOptions(packageRoot: string): string[] {
  const infoFile = join(snapshotDir(packageRoot), "snapshot.json");
  if (!existsSync(infoFile)) return [];
  try {
    const info = JSON.parse(readFileSync(infoFile, "utf8")) as SnapshotInfo;
    const usable = info.node === process.version && info.execPath === process.execPath && existsSync(info.blob);
    return usable ? ["--snapshot-blob", info.blob] : [];
  } catch {
    return [];
  }
}
