// Builds the kernel's start-up snapshot (dist/kernel-snapshot/): TypeScript loaded and the
// declaration files of a first cell parsed and bound, so a kernel starts in about half the
// time. Run by `npm run build` after tsc. The snapshot is used only once proven: a kernel
// started from it runs a cell that imports dslab. If Node.js cannot build it, or the proof
// fails, the build says why in one line and kernels start without it (snapshot/launch-kernel.ts).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { executeCell } from "../kernel-ext/client/execute-cell";
import { KernelClient } from "../kernel-ext/client/kernel-client";
import { noSnapshotFile, shellRecord, shellRecordFile, snapshotDir, type SnapshotInfo } from "../kernel-ext/snapshot/snapshot-plan";

const root = join(__dirname, "..");
const dir = snapshotDir(root);
const plan = join(dir, "plan.json");
const blob = join(dir, "kernel.blob");
const info = join(dir, "snapshot.json");
// The kernelspec clears NODE_OPTIONS; a snapshot built with other V8 options would be refused.
const env = { ...process.env, NODE_OPTIONS: "" };

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? root, env: options.env ?? env, encoding: "utf8", maxBuffer: 16 << 20 });
  if (result.status !== 0)
    throw new Error(
      `node ${args.join(" ")} ${result.signal ? `was killed by ${result.signal}` : `exited with ${result.status}`}: ${firstErrorLine(result.stderr)}`,
    );
  return result.stdout;
}

/** The line of a failed process's stderr that says what went wrong. */
function firstErrorLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim().replace(/^#\s*/, ""))
    .filter(Boolean);
  return lines.find((l) => /assert|error|fatal|failed/i.test(l) && !/^warning/i.test(l)) ?? lines[0] ?? "(no stderr)";
}

function build(): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The files a kernel started in notebooks/ reads for a cell importing dslab.
  run([join(root, "dist", "kernel-ext", "snapshot", "record-declarations.js"), plan], { cwd: join(root, "notebooks") });
  // A snapshot's entry script runs with require but without exports, which tsc's CommonJS uses.
  const entry = join(dir, "entry.js");
  writeFileSync(entry, `var exports = {};\n${readFileSync(join(root, "dist", "kernel-ext", "snapshot", "snapshot-entry.js"), "utf8")}`);
  run(["--snapshot-blob", blob, "--build-snapshot", entry], { env: { ...env, DSLAB_SNAPSHOT_PLAN: plan } });
  const check = run(["--snapshot-blob", blob, "snapshot-info"]).trim();
  if (!check.includes("dslab kernel snapshot")) throw new Error(`the snapshot did not start: ${check}`);
  return check;
}

/**
 * Starts a kernel from the blob, as the kernelspec's launcher would, and runs a cell that
 * imports dslab and computes with it. Throws, in one line, if the kernel dies or the cell fails.
 */
async function prove(): Promise<void> {
  const jupyterPath = mkdtempSync(join(tmpdir(), "dslab-snapshot-proof-"));
  const kernelName = "dslab-snapshot-proof";
  mkdirSync(join(jupyterPath, "kernels", kernelName), { recursive: true });
  const spec = {
    argv: [process.execPath, "--snapshot-blob", blob, "kernel", "--config-path", "{connection_file}"],
    display_name: kernelName,
    language: "typescript",
    env: { NODE_OPTIONS: "" },
  };
  writeFileSync(join(jupyterPath, "kernels", kernelName, "kernel.json"), JSON.stringify(spec));
  let client: KernelClient | undefined;
  try {
    client = await KernelClient.launch({ kernelName, cwd: join(root, "notebooks"), env: { ...env, JUPYTER_PATH: jupyterPath } }, 60_000).catch(
      (error: Error) => {
        const [first, ...rest] = error.message.split("\n");
        throw new Error(`a kernel started from it failed: ${first.replace(/ \(.*\)$/, "")}: ${firstErrorLine(rest.join("\n"))}`);
      },
    );
    const cell = 'import { failure } from "dslab";\nfailure.anyFailureProbability({ n: 100, p: 0.01 }).toFixed(3)';
    const result = await executeCell(client, cell, { timeoutMs: 60_000 });
    const text = result.outputs.map((o) => JSON.stringify(o)).join(" ");
    if (result.status !== "ok" || !text.includes("0.634"))
      throw new Error(`a kernel started from it could not run a cell importing dslab: ${result.status} ${text.slice(0, 300)}`);
  } finally {
    await client?.shutdown();
    rmSync(jupyterPath, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  try {
    const check = build();
    await prove();
    const built: SnapshotInfo = { blob, node: process.version, execPath: process.execPath };
    writeFileSync(info, `${JSON.stringify(built, null, 2)}\n`);
    writeFileSync(shellRecordFile(root), shellRecord(built));
    console.log(`built ${blob}: ${check}; a kernel started from it ran a cell (${Date.now() - started} ms)`);
  } catch (error) {
    const why = (error as Error).message.trim().replace(/\s*\n\s*/g, " ");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(noSnapshotFile(root), `${why}\n`);
    console.warn(`warning: no kernel snapshot for Node.js ${process.version}: ${why}. Kernels will start without it, about half a second slower.`);
  }
}

void main();
