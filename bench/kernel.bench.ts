// The dslab kernel beside Debian's ipykernel, measured interleaved in one run: start to the
// first cell's result, execute round trip of `1+1`, a new cell `N+1` each time, and comm echo
// round trip (p50, p99), with dslab's Node client; then starts and new cells again with
// Jupyter's own Python client (jupyter_client, bench/jupyter_client_cells.py). Deno's kernel is a second
// reference column for new cells when a `deno` kernelspec is installed (`deno jupyter --install`).
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { executeCell } from "../kernel-ext/client/execute-cell";
import { KernelClient } from "../kernel-ext/client/kernel-client";
import { installKernelspec } from "../kernel-ext/kernelspec";
import { quantile } from "../src/stats";

const prefix = mkdtempSync(join(tmpdir(), "dslab-bench-"));
installKernelspec({ kind: "prefix", prefix });
const env = { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter") };
const cwd = join(__dirname, "..", "notebooks");

const ECHO_SETUP: Record<string, string> = {
  dslab:
    'import { registerCommTarget } from "dslab/kernel";\nregisterCommTarget("echo", (comm) => comm.onMsg((m) => comm.send(m.data, { buffers: m.buffers })));',
  python3:
    "def _echo(comm, msg):\n    @comm.on_msg\n    def _reply(m):\n        comm.send(m['content']['data'], buffers=m['buffers'])\nget_ipython().kernel.comm_manager.register_target('echo', _echo)",
};

async function startToFirstResult(kernelName: string): Promise<number> {
  const started = performance.now();
  const client = await KernelClient.launch({ kernelName, cwd, env });
  const run = await executeCell(client, "1+1");
  const elapsed = performance.now() - started;
  if (run.status !== "ok") throw new Error(`${kernelName}: 1+1 failed`);
  await client.shutdown();
  return elapsed;
}

async function roundTrips(client: KernelClient, count: number, round: number): Promise<{ execute: number[]; distinct: number[]; comm: number[] }> {
  const execute: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await executeCell(client, "1+1");
    execute.push(performance.now() - t);
  }
  // A new cell each time, as in a notebook: nothing compiled before can be reused.
  const distinct: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await executeCell(client, `${round * count + i}+1`);
    distinct.push(performance.now() - t);
  }
  const commId = randomUUID().replace(/-/g, "");
  client.post("comm_open", { comm_id: commId, target_name: "echo", data: {} });
  await new Promise((r) => setTimeout(r, 200));
  const comm: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      const stop = client.onIopub((m) => {
        if (m.header.msg_type === "comm_msg" && (m.content as { comm_id: string }).comm_id === commId) {
          stop();
          resolve();
        }
      });
      client.post("comm_msg", { comm_id: commId, data: { i } });
    });
    comm.push(performance.now() - t);
  }
  return { execute, distinct, comm };
}

/** Debian's Python, which has jupyter_client (the `python3` on PATH may be another). */
const PYTHON = "/usr/bin/python3";
const DRIVER = join(__dirname, "jupyter_client_cells.py");

/** The kernelspecs jupyter_client finds, or undefined when it cannot run. */
function jupyterKernels(): string[] | undefined {
  const r = spawnSync(PYTHON, [DRIVER, "--list"], { cwd, env, encoding: "utf8" });
  return r.status === 0 ? (JSON.parse(r.stdout.trim().split("\n").pop() ?? "[]") as string[]) : undefined;
}

/** `count` new cells through jupyter_client, from a kernel it starts. */
function pythonClientCells(kernelName: string, count: number, first: number): number[] {
  const r = spawnSync(PYTHON, [DRIVER, kernelName, String(count), String(first)], { cwd, env, encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0) throw new Error(`jupyter_client with ${kernelName} failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as { distinct: number[] }).distinct;
}

/** Starts to a first result through jupyter_client, `rounds` of each kernel, interleaved. */
function pythonClientStarts(kernelNames: string[], rounds: number): Record<string, number[]> {
  const r = spawnSync(PYTHON, [DRIVER, "--starts", String(rounds), ...kernelNames], { cwd, env, encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) throw new Error(`jupyter_client starts failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number[]>;
}

/** New cells `N+1` through dslab's Node client, for a kernel measured only on those (Deno). */
async function nodeClientCells(kernelName: string, count: number, first: number): Promise<number[]> {
  const client = await KernelClient.launch({ kernelName, cwd, env });
  try {
    for (let i = 0; i < 20; i++) await executeCell(client, `${i}+2`);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await executeCell(client, `${first + i}+1`);
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    await client.shutdown();
  }
}

/** Rounds of kernel starts, dslab and ipykernel in turn. */
const START_ROUNDS = 11;

async function main(): Promise<void> {
  const kernels = ["dslab", "python3"];
  const starts: Record<string, number[]> = { dslab: [], python3: [] };
  // Interleaved: A B A B ..., so drift in the machine's speed hits both alike. A start reads a
  // 40 MB snapshot and swings with the host's load: 11 rounds, and each round's own ratio.
  for (let round = 0; round < START_ROUNDS; round++) for (const k of kernels) starts[k].push(await startToFirstResult(k));
  const trips: Record<string, { execute: number[]; distinct: number[]; comm: number[] }> = {
    dslab: { execute: [], distinct: [], comm: [] },
    python3: { execute: [], distinct: [], comm: [] },
  };
  const clients = Object.fromEntries(await Promise.all(kernels.map(async (k) => [k, await KernelClient.launch({ kernelName: k, cwd, env })] as const)));
  for (const k of kernels) await executeCell(clients[k], ECHO_SETUP[k]);
  for (let round = 0; round < 4; round++) {
    for (const k of kernels) {
      const r = await roundTrips(clients[k], 100, round);
      trips[k].execute.push(...r.execute);
      trips[k].distinct.push(...r.distinct);
      trips[k].comm.push(...r.comm);
    }
  }
  for (const k of kernels) await clients[k].shutdown();
  const row = (label: string, a: number[], b: number[], p: number) => {
    const qa = quantile(a, p);
    const qb = quantile(b, p);
    return `| ${label} | ${qa.toFixed(2)} | ${qb.toFixed(2)} | ${(qa / qb).toFixed(2)}x |`;
  };
  console.log("| figure (ms) | dslab | ipykernel | ratio |\n|---|---|---|---|");
  console.log(row(`start to first result, median of ${START_ROUNDS}`, starts.dslab, starts.python3, 0.5));
  /** The median of each round's own dslab / ipykernel ratio. */
  const pairedRatio = (times: Record<string, number[]>) =>
    quantile(
      times.dslab.map((d, i) => d / times.python3[i]),
      0.5,
    );
  console.log(`| start, median of the ${START_ROUNDS} rounds' own ratios | | | ${pairedRatio(starts).toFixed(2)}x |`);
  // The same with Jupyter's Python client, whose start_new_kernel also waits for 0.2 s of quiet
  // on iopub (nbclient, and so `npm start`'s handouts, start kernels that way).
  const specs = jupyterKernels();
  if (specs) {
    const viaPython = pythonClientStarts(kernels, START_ROUNDS);
    console.log(row(`start to first result, jupyter_client (Python), median of ${START_ROUNDS}`, viaPython.dslab, viaPython.python3, 0.5));
    console.log(`| start, jupyter_client, median of the ${START_ROUNDS} rounds' own ratios | | | ${pairedRatio(viaPython).toFixed(2)}x |`);
  } else console.log(`| start, jupyter_client: not measured (${PYTHON} cannot import jupyter_client) | | | |`);
  console.log(row("execute `1+1`, p50", trips.dslab.execute, trips.python3.execute, 0.5));
  console.log(row("execute `1+1`, p99", trips.dslab.execute, trips.python3.execute, 0.99));
  console.log(row("execute a new cell `N+1` each time, p50", trips.dslab.distinct, trips.python3.distinct, 0.5));
  console.log(row("execute a new cell `N+1` each time, p99", trips.dslab.distinct, trips.python3.distinct, 0.99));
  console.log(row("comm echo, p50", trips.dslab.comm, trips.python3.comm, 0.5));
  console.log(row("comm echo, p99", trips.dslab.comm, trips.python3.comm, 0.99));

  // New cells again, each kernel started afresh per round, interleaved: dslab's Node client
  // for Deno (dslab and ipykernel above), and Jupyter's Python client for all of them.
  const deno = specs?.includes("deno") ?? false;
  const viaPython: Record<string, number[]> = { dslab: [], python3: [], deno: [] };
  const denoViaNode: number[] = [];
  // As issue 18 measured: 5 kernel starts x 200 cells.
  for (let round = 0; round < 5; round++) {
    if (specs)
      for (const k of deno ? ["dslab", "python3", "deno"] : ["dslab", "python3"]) viaPython[k].push(...pythonClientCells(k, 200, 10_000 + round * 200));
    if (deno) denoViaNode.push(...(await nodeClientCells("deno", 100, 10_000 + round * 100)));
  }
  const withDeno = (label: string, a: number[], b: number[], c: number[], p: number) => {
    const [qa, qb] = [quantile(a, p), quantile(b, p)];
    const denoCells = deno ? ` ${quantile(c, p).toFixed(2)} | ${(qa / quantile(c, p)).toFixed(2)}x |` : "";
    return `| ${label} | ${qa.toFixed(2)} | ${qb.toFixed(2)} | ${(qa / qb).toFixed(2)}x |${denoCells}`;
  };
  console.log(
    `\n| new cell \`N+1\` (ms) | dslab | ipykernel | dslab / ipykernel |${deno ? " Deno | dslab / Deno |" : ""}\n|---|---|---|---|${deno ? "---|---|" : ""}`,
  );
  for (const p of [0.5, 0.99]) console.log(withDeno(`Node client, p${p * 100}`, trips.dslab.distinct, trips.python3.distinct, denoViaNode, p));
  if (specs)
    for (const p of [0.5, 0.99])
      console.log(withDeno(`jupyter_client (Python), p${p * 100}, 5 starts x 200 cells`, viaPython.dslab, viaPython.python3, viaPython.deno, p));
  else console.log(`jupyter_client: not measured (${PYTHON} cannot import jupyter_client)`);
  if (!deno) console.log("Deno: no `deno` kernelspec installed (npm package deno, then `deno jupyter --install`); its column is skipped.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
