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
import { noSnapshotFile, RUN_OPTIONS, shellRecord, shellRecordFile, snapshotDir, type SnapshotInfo } from "../kernel-ext/snapshot/snapshot-plan";

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

/**
 * How the blob is built and started, first choice first (see RUN_OPTIONS): built with V8's
 * defaults and started without rehashing (Node.js 22 and later load it), then built and started
 * with the same options (Node.js 20 refuses a blob built with other V8 options), then defaults
 * throughout.
 */
const VARIANTS: { build: readonly string[]; start: readonly string[] }[] = [
  { build: [], start: RUN_OPTIONS },
  { build: RUN_OPTIONS, start: RUN_OPTIONS },
  { build: [], start: [] },
];

/** Builds the blob; returns snapshot-info's line, the V8 options the blob starts with and those it was built with. */
function build(): { check: string; v8Options: string[]; builtWith: readonly string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The files a kernel started in notebooks/ reads for a cell importing dslab.
  run([join(root, "dist", "kernel-ext", "snapshot", "record-declarations.js"), plan], { cwd: join(root, "notebooks") });
  // A snapshot's entry script runs with require but without exports, which tsc's CommonJS uses.
  const entry = join(dir, "entry.js");
  writeFileSync(entry, `var exports = {};\n${readFileSync(join(root, "dist", "kernel-ext", "snapshot", "snapshot-entry.js"), "utf8")}`);
  let builtWith: readonly string[] | undefined;
  const refusals: string[] = [];
  for (const variant of VARIANTS) {
    if (builtWith?.join(" ") !== variant.build.join(" ")) {
      run([...variant.build, "--snapshot-blob", blob, "--build-snapshot", entry], { env: { ...env, DSLAB_SNAPSHOT_PLAN: plan } });
      builtWith = variant.build;
    }
    try {
      const check = run([...variant.start, "--snapshot-blob", blob, "snapshot-info"]).trim();
      if (check.includes("dslab kernel snapshot")) return { check, v8Options: [...variant.start], builtWith: variant.build };
      refusals.push(check);
    } catch (error) {
      refusals.push((error as Error).message);
    }
  }
  throw new Error(`the snapshot did not start: ${refusals[refusals.length - 1]}`);
}

/**
 * Starts a kernel from the blob, as the kernelspec's launcher would, and runs a cell that
 * imports dslab and computes with it. Throws, in one line, if the kernel dies or the cell fails.
 */
async function prove(v8Options: string[]): Promise<void> {
  const jupyterPath = mkdtempSync(join(tmpdir(), "dslab-snapshot-proof-"));
  const kernelName = "dslab-snapshot-proof";
  mkdirSync(join(jupyterPath, "kernels", kernelName), { recursive: true });
  const spec = {
    argv: [process.execPath, ...v8Options, "--snapshot-blob", blob, "kernel", "--config-path", "{connection_file}"],
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
    const { check, v8Options, builtWith } = build();
    await prove(v8Options);
    const built: SnapshotInfo = { blob, node: process.version, execPath: process.execPath, v8Options };
    writeFileSync(info, `${JSON.stringify(built, null, 2)}\n`);
    writeFileSync(shellRecordFile(root), shellRecord(built));
    const alsoBuilt = builtWith.length > 0 ? " (built with them too: this Node.js loads a blob only with the V8 options that built it)" : "";
    const options = v8Options.length > 0 ? `, started with ${v8Options.join(" ")}${alsoBuilt}` : "";
    console.log(`built ${blob}: ${check}${options}; a kernel started from it ran a cell (${Date.now() - started} ms)`);
  } catch (error) {
    const why = (error as Error).message.trim().replace(/\s*\n\s*/g, " ");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(noSnapshotFile(root), `${why}\n`);
    console.warn(`warning: no kernel snapshot for Node.js ${process.version}: ${why}. Kernels will start without it, about half a second slower.`);
  }
}

void main();
