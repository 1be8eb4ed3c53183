import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import type { JupyterMessage } from "../../kernel-ext/wire";
import { kernelEnv } from "../helpers/jupyter";

let client: KernelClient;
const iopub: JupyterMessage[] = [];

beforeAll(async () => {
  client = await KernelClient.launch({ kernelName: "dslab", cwd: join(__dirname, "..", "..", "notebooks"), env: kernelEnv() });
  client.onIopub((m) => iopub.push(m));
});
afterAll(async () => {
  await client?.dispose();
});

function waitFor(predicate: (m: JupyterMessage) => boolean, timeoutMs = 10_000): Promise<JupyterMessage> {
  const found = iopub.find(predicate);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
    const stop = client.onIopub((m) => {
      if (!predicate(m)) return;
      clearTimeout(timer);
      stop();
      resolve(m);
    });
  });
}

const content = (m: JupyterMessage) => m.content as { comm_id: string; target_name?: string; data: { state?: Record<string, unknown>; method?: string } };

describe("widgets in the real kernel", () => {
  it("opens an IntSliderModel comm from a cell, and runs the observer on an update sent as a front end would", async () => {
    const run = await executeCell(
      client,
      [
        'import { IntSlider } from "dslab/widgets";',
        'const slider = new IntSlider({ value: 3, max: 10, description: "n" });',
        'slider.observe("value", (change) => console.log(`observed ${change.new}`));',
        "slider",
      ].join("\n"),
    );
    expect(run.status).toBe("ok");
    const open = await waitFor((m) => m.header.msg_type === "comm_open" && content(m).data.state?._model_name === "IntSliderModel");
    expect(content(open).target_name).toBe("jupyter.widget");
    expect(content(open).data.state).toMatchObject({ _model_module: "@jupyter-widgets/controls", _model_module_version: "2.0.0", value: 3 });
    expect(run.outputs[0]).toMatchObject({
      output_type: "execute_result",
      data: { "application/vnd.jupyter.widget-view+json": { model_id: content(open).comm_id } },
    });
    client.post("comm_msg", { comm_id: content(open).comm_id, data: { method: "update", state: { value: 8 }, buffer_paths: [] } });
    const printed = await waitFor((m) => m.header.msg_type === "stream" && String((m.content as { text: string }).text).includes("observed 8"));
    expect(printed).toBeDefined();
    await waitFor((m) => m.header.msg_type === "comm_msg" && content(m).data.method === "echo_update" && content(m).comm_id === content(open).comm_id);
  });

  it("answers a slider update of an interact over a Figure with a Figure update whose data changed", async () => {
    iopub.length = 0;
    const run = await executeCell(
      client,
      [
        'import { Figure, interact } from "dslab/widgets";',
        'const fig = new Figure({ layout: { title: { text: "k·x" } } });',
        'interact(({ k }) => { fig.update({ data: [{ type: "scatter", x: [0, 1, 2], y: [0, k, 2 * k] }] }); return fig; }, { k: { min: 1, max: 9, value: 2 } });',
      ].join("\n"),
    );
    expect(run.status).toBe("ok");
    const slider = await waitFor((m) => m.header.msg_type === "comm_open" && content(m).data.state?._model_name === "IntSliderModel");
    const figure = await waitFor((m) => m.header.msg_type === "comm_open" && content(m).data.state?._model_name === "FigureModel");
    expect(content(figure).data.state).toMatchObject({ _model_module: "dslab", _view_name: "FigureView" });
    const figureId = content(figure).comm_id;
    const figureUpdate = (m: JupyterMessage) => m.header.msg_type === "comm_msg" && content(m).comm_id === figureId && content(m).data.method === "update";
    // interact's first run is part of the cell: its figure (k = 2) was drawn before the cell went idle.
    const first = iopub.find(figureUpdate);
    expect(first, "the first run's figure update, before the cell's reply").toBeDefined();
    expect((content(first!).data.state as { data: { y: number[] }[] }).data[0].y).toEqual([0, 2, 4]);
    iopub.length = 0;
    client.post("comm_msg", { comm_id: content(slider).comm_id, data: { method: "update", state: { value: 7 }, buffer_paths: [] } });
    const update = await waitFor(figureUpdate);
    expect((content(update).data.state as { data: { y: number[] }[] }).data[0].y).toEqual([0, 7, 14]);
  });

  it("refuses a bad update from a front end, sends back the kept value, reports it on stderr and goes on", async () => {
    iopub.length = 0;
    const run = await executeCell(
      client,
      [
        'import { IntSlider } from "dslab/widgets";',
        "const guarded = new IntSlider({ value: 3, max: 10 });",
        'guarded.observe("value", (change) => console.log(`observer got ${JSON.stringify(change.new)}`));',
        "guarded",
      ].join("\n"),
    );
    expect(run.status).toBe("ok");
    const open = await waitFor((m) => m.header.msg_type === "comm_open" && content(m).data.state?._model_name === "IntSliderModel");
    const id = content(open).comm_id;
    client.post("comm_msg", { comm_id: id, data: { method: "update", state: { value: "abc", _model_name: "EvilModel" }, buffer_paths: [] } });
    const echo = await waitFor((m) => m.header.msg_type === "comm_msg" && content(m).comm_id === id && content(m).data.method === "echo_update");
    expect(content(echo).data.state).toEqual({ value: 3, _model_name: "IntSliderModel" });
    const report = await waitFor(
      (m) => m.header.msg_type === "stream" && String((m.content as { text: string }).text).includes("refused a front end's update"),
    );
    expect(String((report.content as { text: string }).text)).toContain('invalid value: "abc" (expected an integer)');
    const after = await executeCell(client, "guarded.value");
    expect(after.status).toBe("ok");
    expect(after.outputs[0]).toMatchObject({ data: { "text/plain": "3" } });
    expect(iopub.some((m) => m.header.msg_type === "stream" && String((m.content as { text: string }).text).includes("observer got"))).toBe(false);
  });

  it("shows an error a widget's function raises with the lines the user wrote (In[N]:LINE:COL), not the kernel's or the widgets' frames", async () => {
    const defined = await executeCell(
      client,
      ["function checked(n: number): number {", "  if (n > 5) throw new RangeError(`n = ${n} is too big`);", "  return n;", "}"].join("\n"),
    );
    expect(defined.status).toBe("ok");
    iopub.length = 0;
    const run = await executeCell(
      client,
      ['import { interact } from "dslab/widgets";', "interact(({ n }) => console.log(checked(n)), { n: { min: 0, max: 9, value: 2 } });"].join("\n"),
    );
    expect(run.status).toBe("ok");
    const slider = await waitFor((m) => m.header.msg_type === "comm_open" && content(m).data.state?._model_name === "IntSliderModel");
    const output = await waitFor((m) => m.header.msg_type === "comm_open" && content(m).data.state?._model_name === "OutputModel");
    iopub.length = 0;
    client.post("comm_msg", { comm_id: content(slider).comm_id, data: { method: "update", state: { value: 7 }, buffer_paths: [] } });
    type Out = { output_type: string; ename?: string; traceback?: string[] };
    const update = await waitFor(
      (m) =>
        m.header.msg_type === "comm_msg" &&
        content(m).comm_id === content(output).comm_id &&
        ((content(m).data.state?.outputs as Out[] | undefined) ?? []).some((o) => o.output_type === "error"),
    );
    const error = (content(update).data.state!.outputs as Out[]).find((o) => o.output_type === "error")!;
    expect(error.ename).toBe("RangeError");
    const frames = error.traceback!.slice(1);
    expect(frames[0]).toMatch(/^\s+at checked \(In\[\d+\]:2:\d+\)$/);
    expect(frames.join("\n")).toMatch(/In\[\d+\]:2:\d+/);
    expect(frames.join("\n")).not.toMatch(/dslab-cell-|node:internal|[\\/]widgets[\\/]interact|kernel-ext/);
  });
});
