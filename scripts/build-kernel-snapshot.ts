// Builds the kernel's start-up snapshot (dist/kernel-snapshot/): TypeScript loaded and the
// declaration files of a first cell parsed and bound, so a kernel starts in about half the
// time. Run by `npm run build` after tsc. If Node.js cannot build or load the snapshot, the
// build says so and the kernelspec falls back to starting from bin/dslab.js.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { snapshotDir, type SnapshotInfo } from "../kernel-ext/snapshot/snapshot-plan";

const root = join(__dirname, "..");
const dir = snapshotDir(root);
const plan = join(dir, "plan.json");
const blob = join(dir, "kernel.blob");
const info = join(dir, "snapshot.json");

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? root, env: options.env ?? process.env, encoding: "utf8", maxBuffer: 16 << 20 });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status ?? result.signal}:\n${result.stderr}`);
  return result.stdout;
}

function build(): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The files a kernel started in notebooks/ reads for a cell importing dslab.
  run([join(root, "dist", "kernel-ext", "snapshot", "record-declarations.js"), plan], { cwd: join(root, "notebooks") });
  // A snapshot's entry script runs with require but without exports, which tsc's CommonJS uses.
  const entry = join(dir, "entry.js");
  writeFileSync(entry, `var exports = {};\n${readFileSync(join(root, "dist", "kernel-ext", "snapshot", "snapshot-entry.js"), "utf8")}`);
  run(["--snapshot-blob", blob, "--build-snapshot", entry], { env: { ...process.env, DSLAB_SNAPSHOT_PLAN: plan } });
  const check = run(["--snapshot-blob", blob, "snapshot-info"]);
  if (!check.includes("dslab kernel snapshot")) throw new Error(`the snapshot did not start: ${check}`);
  const built: SnapshotInfo = { blob, node: process.version, execPath: process.execPath };
  writeFileSync(info, `${JSON.stringify(built, null, 2)}\n`);
  return check.trim();
}

const started = Date.now();
try {
  console.log(`built ${blob}: ${build()} (${Date.now() - started} ms)`);
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  console.warn(`warning: no kernel snapshot (${(error as Error).message.trim()}); the kernel will start without it, more slowly`);
}
