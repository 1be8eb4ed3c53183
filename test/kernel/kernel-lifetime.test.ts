import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import { parentGone, parentWatchFor } from "../../kernel-ext/kernel/parent-watch";
import { kernelEnv } from "../helpers/jupyter";

// Kernels never outlive what started them (issue 14, section 4), nor hang it when they die (section 5).
const root = join(__dirname, "..", "..");
const env = kernelEnv();

/** A notebook of code cells, written to a fresh folder. */
function notebookWith(...sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "dslab-lifetime-"));
  const path = join(dir, "nb.ipynb");
  const cells = sources.map((source) => ({
    cell_type: "code",
    id: Math.random().toString(36).slice(2, 10),
    metadata: {},
    execution_count: null,
    outputs: [],
    source,
  }));
  writeFileSync(
    path,
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "dslab", display_name: "dslab", language: "typescript" } }, cells }),
  );
  return path;
}

/** Whether a process is running (a zombie, dead but not yet reaped, is not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** The child processes of a process. */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `dslab run` on a notebook, and its kernel once it runs a cell: pid and connection file. */
async function runWithKernel(
  notebook: string,
): Promise<{ run: ChildProcess; exited: Promise<[number | null, NodeJS.Signals | null]>; kernel: number; connectionFile: string; output: () => string }> {
  let output = "";
  const run = spawn(process.execPath, [join(root, "bin", "dslab.js"), "run", notebook], { env, stdio: ["ignore", "pipe", "pipe"] });
  run.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  run.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => run.once("exit", (code, signal) => resolve([code, signal])));
  const kernel = await until("the kernel process", () => childrenOf(run.pid!)[0], 30_000);
  const cmdline = readFileSync(`/proc/${kernel}/cmdline`, "utf8").split("\0");
  const connectionFile = cmdline[cmdline.indexOf("--config-path") + 1];
  // The kernel has started the first cell (the notebook's marker file appears).
  await until("the first cell to run", () => existsSync(join(dirname(notebook), "started")), 30_000);
  return { run, exited, kernel, connectionFile, output: () => output };
}

const MARK_STARTED = 'require("node:fs").writeFileSync("started", "");\n';

describe("dslab run and its kernel", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`on ${signal}, stops its kernel, removes the connection file, and ends non-zero`, async () => {
      const { run, exited, kernel, connectionFile } = await runWithKernel(notebookWith(`${MARK_STARTED}await new Promise((r) => setTimeout(r, 120_000));`));
      expect(existsSync(connectionFile)).toBe(true);
      run.kill(signal);
      const [code, sig] = await exited;
      expect(code === 0).toBe(false);
      expect([code, sig]).not.toEqual([0, null]);
      await until("the kernel to end", () => !running(kernel), 10_000);
      expect(existsSync(connectionFile)).toBe(false);
    }, 60_000);
  }

  it("when killed outright, leaves no kernel behind: the kernel sees its parent gone and exits, even inside `while (true) {}`", async () => {
    const { run, exited, kernel } = await runWithKernel(notebookWith(`${MARK_STARTED}while (true) {}`));
    run.kill("SIGKILL");
    await exited;
    await until("the orphaned kernel to exit", () => !running(kernel), 15_000);
  }, 60_000);
});

describe("parentGone", () => {
  const probe = (alive: boolean, parent: number) => ({ alive: () => alive, parent: () => parent });
  it("watches JPY_PARENT_PID when set, else the parent", () => {
    expect(parentWatchFor({ JPY_PARENT_PID: "4242" }, 10)).toEqual({ pid: 4242, initialParent: 10 });
    expect(parentWatchFor({}, 10)).toEqual({ pid: 10, initialParent: 10 });
    expect(parentWatchFor({ JPY_PARENT_PID: "nonsense" }, 10)).toEqual({ pid: 10, initialParent: 10 });
  });
  it("is true once the watched process is gone, or the kernel's own parent has changed", () => {
    expect(parentGone({ pid: 10, initialParent: 10 }, probe(true, 10))).toBe(false);
    expect(parentGone({ pid: 10, initialParent: 10 }, probe(false, 10))).toBe(true);
    expect(parentGone({ pid: 10, initialParent: 10 }, probe(true, 1))).toBe(true);
    // Watching a process other than the parent (a launcher in between): only its existence counts.
    expect(parentGone({ pid: 4242, initialParent: 10 }, probe(true, 1))).toBe(false);
    expect(parentGone({ pid: 1, initialParent: 1 }, probe(true, 1))).toBe(false);
  });
});

describe("a kernel that dies", () => {
  it("exits with the code process.exit gives in a cell, after the cell's output, and the client notices at once", async () => {
    const kernel = await KernelClient.launch({ kernelName: "dslab", cwd: root, env });
    try {
      const exited = new Promise((resolve) => kernel.process!.once("exit", (code, signal) => resolve([code, signal])));
      const run = await executeCell(kernel, 'console.log("last words");\nprocess.exit(3);\nconsole.log("not this");', { timeoutMs: 600_000 });
      expect(await exited).toEqual([3, null]);
      expect(run.status).toBe("dead");
      expect(run.outputs[0]).toEqual({ output_type: "stream", name: "stdout", text: "last words\n" });
      expect(run.outputs[1]).toMatchObject({ output_type: "error", ename: "DeadKernelError", evalue: "the kernel exited with code 3 while running this cell" });
      expect(kernel.stderr).not.toMatch(/terminate called|Napi::Error/);
    } finally {
      await kernel.dispose();
    }
  }, 30_000);

  it("makes dslab run stop at once, keep the outputs so far, and exit non-zero", async () => {
    const notebook = notebookWith(
      'console.log("first");',
      'console.log("second");\n// Stream output leaves in batches (every 50 ms): give it the time before the hard end.\nawait new Promise((r) => setTimeout(r, 300));\nprocess.kill(process.pid, "SIGKILL");',
      'console.log("third");',
    );
    const result = spawnSync(process.execPath, [join(root, "bin", "dslab.js"), "run", notebook], { env, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("cell 2: the kernel died");
    const saved = JSON.parse(readFileSync(notebook, "utf8")) as { cells: { outputs: { text?: string | string[]; ename?: string; evalue?: string }[] }[] };
    // nbformat stores multi-line text as a list of lines.
    const cells = saved.cells.map((c) => ({ outputs: c.outputs.map((o) => (Array.isArray(o.text) ? { ...o, text: o.text.join("") } : o)) }));
    expect(cells[0].outputs).toMatchObject([{ text: "first\n" }]);
    expect(cells[1].outputs).toMatchObject([
      { text: "second\n" },
      { ename: "DeadKernelError", evalue: "the kernel died (signal SIGKILL) while running this cell" },
    ]);
    expect(cells[2].outputs).toEqual([]);
  }, 60_000);
});
