// Widgets through the real kernel: slider update → Figure update round trip (p50, p99) beside a
// plain comm echo, and a burst of 1,000 slider updates: runs of fn, time to settle, memory.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { executeCell } from "../kernel-ext/client/execute-cell";
import { KernelClient } from "../kernel-ext/client/kernel-client";
import { installKernelspec } from "../kernel-ext/kernelspec";
import type { JupyterMessage } from "../kernel-ext/wire";
import { quantile } from "../src/stats";

const prefix = mkdtempSync(join(tmpdir(), "dslab-bench-"));
installKernelspec({ kind: "prefix", prefix });
const env = { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter") };

const content = (m: JupyterMessage) => m.content as { comm_id: string; data: { method?: string; state?: Record<string, unknown> } };

function next(client: KernelClient, predicate: (m: JupyterMessage) => boolean): Promise<JupyterMessage> {
  return new Promise((resolve) => {
    const stop = client.onIopub((m) => {
      if (predicate(m)) {
        stop();
        resolve(m);
      }
    });
  });
}

async function main(): Promise<void> {
  const client = await KernelClient.launch({ kernelName: "dslab", cwd: join(__dirname, "..", "notebooks"), env });
  const opens: JupyterMessage[] = [];
  const stop = client.onIopub((m) => m.header.msg_type === "comm_open" && opens.push(m));
  await executeCell(
    client,
    [
      'import { Figure, interact } from "dslab/widgets";',
      'import { registerCommTarget } from "dslab/kernel";',
      'registerCommTarget("echo", (comm) => comm.onMsg((m) => comm.send(m.data)));',
      "const fig = new Figure();",
      "globalThis.benchRuns = 0;",
      'const handle = interact(({ k }) => { (globalThis as any).benchRuns++; fig.update({ data: [{ type: "scatter", x: [0, 1, 2], y: [0, k, 2 * k] }] }); return fig; }, { k: { min: 0, max: 100000, value: 0 } });',
    ].join("\n"),
  );
  stop();
  const slider = opens.find((m) => content(m).data.state?._model_name === "IntSliderModel")!;
  const figure = opens.find((m) => content(m).data.state?._model_name === "FigureModel")!;
  const sliderId = content(slider).comm_id;
  const figureId = content(figure).comm_id;
  const echoId = randomUUID().replace(/-/g, "");
  client.post("comm_open", { comm_id: echoId, target_name: "echo", data: {} });
  const updateTrips: number[] = [];
  const echoTrips: number[] = [];
  for (let i = 1; i <= 400; i++) {
    let t = performance.now();
    const updated = next(client, (m) => m.header.msg_type === "comm_msg" && content(m).comm_id === figureId && content(m).data.method === "update");
    client.post("comm_msg", { comm_id: sliderId, data: { method: "update", state: { value: i }, buffer_paths: [] } });
    await updated;
    updateTrips.push(performance.now() - t);
    t = performance.now();
    const echoed = next(client, (m) => m.header.msg_type === "comm_msg" && content(m).comm_id === echoId);
    client.post("comm_msg", { comm_id: echoId, data: { i } });
    await echoed;
    echoTrips.push(performance.now() - t);
  }
  const memory = async () => {
    const run = await executeCell(client, "(() => { (globalThis as any).gc?.(); return process.memoryUsage().heapUsed; })()");
    return Number((run.outputs[0] as { data: Record<string, string> }).data["text/plain"]);
  };
  await executeCell(client, "(globalThis as any).benchRuns = 0;");
  const before = await memory();
  // A burst, as a fast drag sends: 1,000 updates without waiting; settle = the figure shows the last value.
  const last = 51_000;
  const started = performance.now();
  const settled = next(
    client,
    (m) => m.header.msg_type === "comm_msg" && content(m).comm_id === figureId && JSON.stringify(content(m).data.state ?? {}).includes(`${2 * last}`),
  );
  for (let v = last - 999; v <= last; v++) client.post("comm_msg", { comm_id: sliderId, data: { method: "update", state: { value: v }, buffer_paths: [] } });
  await settled;
  const settleMs = performance.now() - started;
  const runs = await executeCell(client, "(globalThis as any).benchRuns");
  const after = await memory();
  await client.shutdown();
  const q = (xs: number[], p: number) => quantile(xs, p).toFixed(2);
  console.log("| figure | slider → Figure update | comm echo | ratio |\n|---|---|---|---|");
  console.log(`| p50 (ms) | ${q(updateTrips, 0.5)} | ${q(echoTrips, 0.5)} | ${(quantile(updateTrips, 0.5) / quantile(echoTrips, 0.5)).toFixed(2)}x |`);
  console.log(`| p99 (ms) | ${q(updateTrips, 0.99)} | ${q(echoTrips, 0.99)} | ${(quantile(updateTrips, 0.99) / quantile(echoTrips, 0.99)).toFixed(2)}x |`);
  console.log(
    `\nBurst of 1,000 updates: fn ran ${(runs.outputs[0] as { data: Record<string, string> }).data["text/plain"]} times; settled on the last value in ${settleMs.toFixed(0)} ms; kernel heap ${(before / 1e6).toFixed(1)} MB before, ${(after / 1e6).toFixed(1)} MB after.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
