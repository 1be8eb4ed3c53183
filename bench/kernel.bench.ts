// The dslab kernel beside Debian's ipykernel, measured interleaved in one run: start to the
// first cell's result, execute round trip of `1+1`, and comm echo round trip (p50, p99).
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
  dslab: 'import { registerCommTarget } from "dslab/kernel";\nregisterCommTarget("echo", (comm) => comm.onMsg((m) => comm.send(m.data, { buffers: m.buffers })));',
  python3: "def _echo(comm, msg):\n    @comm.on_msg\n    def _reply(m):\n        comm.send(m['content']['data'], buffers=m['buffers'])\nget_ipython().kernel.comm_manager.register_target('echo', _echo)",
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

async function main(): Promise<void> {
  const kernels = ["dslab", "python3"];
  const starts: Record<string, number[]> = { dslab: [], python3: [] };
  // Interleaved: A B A B ..., so drift in the machine's speed hits both alike.
  for (let round = 0; round < 5; round++) for (const k of kernels) starts[k].push(await startToFirstResult(k));
  const trips: Record<string, { execute: number[]; distinct: number[]; comm: number[] }> = { dslab: { execute: [], distinct: [], comm: [] }, python3: { execute: [], distinct: [], comm: [] } };
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
  console.log(row("start to first result, median of 5", starts.dslab, starts.python3, 0.5));
  console.log(row("execute `1+1`, p50", trips.dslab.execute, trips.python3.execute, 0.5));
  console.log(row("execute `1+1`, p99", trips.dslab.execute, trips.python3.execute, 0.99));
  console.log(row("execute a new cell `N+1` each time, p50", trips.dslab.distinct, trips.python3.distinct, 0.5));
  console.log(row("execute a new cell `N+1` each time, p99", trips.dslab.distinct, trips.python3.distinct, 0.99));
  console.log(row("comm echo, p50", trips.dslab.comm, trips.python3.comm, 0.5));
  console.log(row("comm echo, p99", trips.dslab.comm, trips.python3.comm, 0.99));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
