import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Button, Dropdown, Figure, FloatSlider, IntSlider, VBox, interactive, jslink } from "../../widgets";
import { installFakeKernel } from "./fake-kernel";

let kernel: ReturnType<typeof installFakeKernel>;
beforeEach(() => {
  kernel = installFakeKernel();
});
afterEach(() => kernel.uninstall());

describe("a widget over the comm API (recording fake comm)", () => {
  it("opens its layout and style first, then itself with the full state, protocol 2.1.0, referencing them as IPY_MODEL_", () => {
    const slider = new IntSlider({ value: 3, min: 0, max: 10, description: "n" });
    const opens = kernel.sent.filter((m) => m.type === "comm_open");
    expect(opens.map((m) => (m.data as { state: { _model_name: string } }).state._model_name)).toEqual(["LayoutModel", "SliderStyleModel", "IntSliderModel"]);
    const open = opens[2];
    expect(open.target).toBe("jupyter.widget");
    expect(open.commId).toBe(slider.modelId);
    expect(open.metadata).toEqual({ version: "2.1.0" });
    const state = (open.data as { state: Record<string, unknown>; buffer_paths: unknown[] }).state;
    expect(state).toMatchObject({
      _model_module: "@jupyter-widgets/controls",
      _model_module_version: "2.0.0",
      _view_name: "IntSliderView",
      value: 3,
      min: 0,
      max: 10,
      description: "n",
    });
    expect(state.layout).toBe(`IPY_MODEL_${opens[0].commId}`);
    expect(state.style).toBe(`IPY_MODEL_${opens[1].commId}`);
    expect((open.data as { buffer_paths: unknown[] }).buffer_paths).toEqual([]);
  });

  it("sends one update for a kernel-side change and runs observers", () => {
    const slider = new IntSlider();
    const seen: unknown[] = [];
    slider.observe("value", (c) => seen.push([c.old, c.new]));
    kernel.sent.length = 0;
    slider.value = 7;
    expect(kernel.sent).toEqual([{ type: "comm_msg", commId: slider.modelId, data: { method: "update", state: { value: 7 }, buffer_paths: [] }, buffers: [] }]);
    expect(seen).toEqual([[0, 7]]);
  });

  it("applies an update from the front end, echoes it (echo_update), then runs observers", async () => {
    const slider = new FloatSlider({ value: 1 });
    let observed: unknown;
    slider.observe("value", (c) => (observed = c.new));
    kernel.sent.length = 0;
    await kernel.receive(slider.modelId, { method: "update", state: { value: 2.5 }, buffer_paths: [] });
    expect(slider.value).toBe(2.5);
    expect(observed).toBe(2.5);
    expect(kernel.sent).toEqual([
      { type: "comm_msg", commId: slider.modelId, data: { method: "echo_update", state: { value: 2.5 }, buffer_paths: [] }, buffers: [] },
    ]);
  });

  it("answers request_state with a full update", async () => {
    const slider = new IntSlider({ value: 4 });
    kernel.sent.length = 0;
    await kernel.receive(slider.modelId, { method: "request_state" });
    const data = kernel.sent[0].data as { method: string; state: Record<string, unknown> };
    expect(data.method).toBe("update");
    expect(data.state).toMatchObject({ _model_name: "IntSliderModel", value: 4 });
  });

  it("runs onClick for a custom click message", async () => {
    const button = new Button({ description: "go" });
    let clicks = 0;
    button.onClick(() => clicks++);
    await kernel.receive(button.modelId, { method: "custom", content: { event: "click" } });
    expect(clicks).toBe(1);
  });

  it("sends binary values as buffers with their paths, and receives them back", async () => {
    const figure = new Figure({ data: [{ type: "scatter", y: new Float64Array([1, 2]) as unknown as number[] }] });
    const open = kernel.sent.find((m) => m.commId === figure.modelId && m.type === "comm_open")!;
    expect((open.data as { buffer_paths: unknown[] }).buffer_paths).toEqual([["data", 0, "y"]]);
    expect(open.buffers![0].byteLength).toBe(16);
    await kernel.receive(figure.modelId, { method: "update", state: { data: [{ y: null }] }, buffer_paths: [["data", 0, "y"]] }, [new Uint8Array([9])]);
    expect((figure.data[0].y as Uint8Array)[0]).toBe(9);
  });

  it("answers request_states on jupyter.widget.control with every live widget", () => {
    const slider = new IntSlider({ value: 5 });
    const control = kernel.open("jupyter.widget.control", "ctl");
    void control;
    kernel.sent.length = 0;
    return kernel.receive("ctl", { method: "request_states" }).then(() => {
      const reply = kernel.sent.find((m) => m.commId === "ctl")!.data as {
        method: string;
        states: Record<string, { model_name: string; state: Record<string, unknown> }>;
      };
      expect(reply.method).toBe("update_states");
      expect(reply.states[slider.modelId]).toMatchObject({ model_name: "IntSliderModel", model_module: "@jupyter-widgets/controls", state: { value: 5 } });
    });
  });

  it("displays as a widget view with a text fallback, and closes its comm", () => {
    const dropdown = new Dropdown({ options: ["a", "b"], value: "b", description: "x" });
    const bundle = kernel.api.toBundle(dropdown);
    expect(bundle["application/vnd.jupyter.widget-view+json"]).toEqual({ version_major: 2, version_minor: 0, model_id: dropdown.modelId });
    expect(typeof bundle["text/plain"]).toBe("string");
    dropdown.close();
    expect(kernel.sent.at(-1)).toEqual({ type: "comm_close", commId: dropdown.modelId, data: {} });
  });

  it("keeps selection values in the kernel: only _options_labels and index travel", async () => {
    const dropdown = new Dropdown({ options: { small: 1, large: 100 }, value: 100 });
    const state = (kernel.sent.find((m) => m.commId === dropdown.modelId)!.data as { state: Record<string, unknown> }).state;
    expect(state._options_labels).toEqual(["small", "large"]);
    expect(state.index).toBe(1);
    const values: unknown[] = [];
    dropdown.observe("value", (c) => values.push(c.new));
    await kernel.receive(dropdown.modelId, { method: "update", state: { index: 0 }, buffer_paths: [] });
    expect(dropdown.value).toBe(1);
    expect(values).toEqual([1]);
  });

  it("links attributes in the browser with jslink (LinkModel, no view)", () => {
    const a = new IntSlider();
    const b = new IntSlider();
    const link = jslink([a, "value"], [b, "value"]);
    const state = (kernel.sent.find((m) => m.commId === link.modelId)!.data as { state: Record<string, unknown> }).state;
    expect(state).toMatchObject({
      _model_name: "LinkModel",
      _view_name: null,
      source: [`IPY_MODEL_${a.modelId}`, "value"],
      target: [`IPY_MODEL_${b.modelId}`, "value"],
    });
  });

  it("rejects bad options with the parameter and its range", () => {
    expect(() => new IntSlider({ min: 10, max: 1 })).toThrow("invalid max: 1 (expected a number ≥ min (10))");
    expect(() => new Dropdown({ options: ["a"], value: "z" })).toThrow('invalid value: "z" (expected one of the options ["a"])');
    expect(new IntSlider({ min: 0, max: 10, value: 50 }).value).toBe(10);
  });
});

describe("interactive(fn, spec)", () => {
  it("runs fn once before it returns, as ipywidgets does: the value is in the output, a returned Figure in the box", () => {
    const valued = interactive(({ n }) => `n=${n}`, { n: { min: 0, max: 10, value: 4 } });
    expect(valued.runs).toBe(1);
    expect(valued.output.get<{ data: Record<string, unknown> }[]>("outputs").map((o) => o.data["text/plain"])).toEqual(["n=4"]);
    const figure = new Figure();
    const drawn = interactive(
      ({ k }) => {
        figure.update({ data: [{ type: "scatter", y: [k] }] });
        return figure;
      },
      { k: { min: 1, max: 5, value: 2 } },
    );
    expect(drawn.widget.get<unknown[]>("children")).toEqual([drawn.controls.k, figure, drawn.output]);
    expect(figure.data).toEqual([{ type: "scatter", y: [2] }]);
  });

  it("an async fn's first run is `ready`, and changes made meanwhile coalesce into one more run", async () => {
    const seen: number[] = [];
    const handle = interactive(
      async ({ n }) => {
        seen.push(n);
        await new Promise((r) => setTimeout(r, 5));
        return `n=${n}`;
      },
      { n: { min: 0, max: 10, value: 1 } },
    );
    for (const v of [2, 3, 4]) (handle.controls.n as IntSlider).value = v;
    await handle.ready;
    expect(seen).toEqual([1, 4]);
    expect(handle.output.get<{ data: Record<string, unknown> }[]>("outputs").map((o) => o.data["text/plain"])).toEqual(["n=4"]);
  });

  it("builds sliders, dropdowns and checkboxes from the spec and runs fn with typed values", async () => {
    const calls: unknown[] = [];
    const handle = interactive((p) => void calls.push(p), { n: { min: 1, max: 10, value: 3 }, p: [0, 1, 0.01], mode: ["a", "b"], on: true });
    await handle.update();
    expect(calls[0]).toEqual({ n: 3, p: 0.5, mode: "a", on: true });
    expect(handle.widget).toBeInstanceOf(VBox);
  });

  it("coalesces a burst: while fn runs only the latest value is kept, and it ends on the last value", async () => {
    const seen: number[] = [];
    const handle = interactive(
      async ({ n }) => {
        seen.push(n);
        await new Promise((r) => setTimeout(r, 20));
      },
      { n: { min: 0, max: 2000, value: 0 } },
    );
    const slider = handle.controls.n as IntSlider;
    for (let v = 1; v <= 1000; v++) await kernel.receive(slider.modelId, { method: "update", state: { value: v }, buffer_paths: [] });
    await handle.update();
    expect(seen.at(-1)).toBe(1000);
    expect(handle.runs).toBeLessThan(10);
  });

  it("shows an exception in the output and keeps the controls working", async () => {
    const handle = interactive(
      ({ n }) => {
        if (n === 5) throw new RangeError("n must not be 5");
        return `n=${n}`;
      },
      { n: { min: 0, max: 10, value: 5 } },
    );
    await handle.update();
    expect(handle.output.get<{ output_type: string; evalue?: string }[]>("outputs")[0]).toMatchObject({ output_type: "error", evalue: "n must not be 5" });
    (handle.controls.n as IntSlider).value = 6;
    await handle.update();
    expect(handle.output.get<{ output_type: string }[]>("outputs")).toHaveLength(1);
    expect(handle.output.get<{ output_type: string }[]>("outputs")[0].output_type).toBe("display_data");
  });

  it("shows a returned Figure beside the output once and updates it in place", async () => {
    const figure = new Figure();
    const handle = interactive(
      ({ k }) => {
        figure.update({ data: [{ type: "scatter", y: [k, k * 2] }] });
        return figure;
      },
      { k: { min: 1, max: 5, value: 1 } },
    );
    await handle.update();
    (handle.controls.k as IntSlider).value = 4;
    await handle.update();
    expect(handle.widget.get<unknown[]>("children")).toEqual([handle.controls.k, figure, handle.output]);
    expect(handle.output.get<unknown[]>("outputs")).toHaveLength(0);
    expect(figure.data).toEqual([{ type: "scatter", y: [4, 8] }]);
  });
});

describe("updates from a front end are checked as kernel-side sets are", () => {
  const echoes = (id: string) =>
    kernel.sent.filter((m) => m.commId === id && (m.data as { method: string }).method === "echo_update").map((m) => (m.data as { state: unknown }).state);

  it("refuses what breaks a rule, keeps the kernel's state, echoes the kept value and tells no observer", async () => {
    const slider = new IntSlider({ min: 0, max: 10, value: 3 });
    const observed: unknown[] = [];
    slider.observe("*", (c) => observed.push([c.name, c.new]));
    const bad: [unknown, string][] = [
      [{ value: "abc" }, 'invalid value: "abc" (expected an integer)'],
      [{ value: { x: 1 } }, 'invalid value: {"x":1} (expected an integer)'],
      [{ value: null }, "invalid value: null (expected an integer)"],
      [{ min: 50, max: 1 }, "invalid max: 1 (expected a number ≥ min (50))"],
      [{ _model_name: "EvilModel" }, 'read-only "_model_name"'],
      [{ description: 42 }, "invalid description: 42 (expected a string)"],
      [{ layout: "IPY_MODEL_nosuchwidget" }, "invalid layout"],
    ];
    for (const [state, message] of bad) {
      kernel.sent.length = 0;
      await expect(kernel.receive(slider.modelId, { method: "update", state: state as never, buffer_paths: [] })).rejects.toThrow(message);
      expect(echoes(slider.modelId), JSON.stringify(state)).toEqual([
        Object.fromEntries(Object.keys(state as object).map((k) => [k, slider.serializedState().state[k]])),
      ]);
    }
    expect([slider.value, slider.min, slider.max, slider.get("_model_name")]).toEqual([3, 0, 10, "IntSliderModel"]);
    expect(observed).toEqual([]);
  });

  it("refuses a list as state, malformed buffer paths and oversized buffers, with nothing applied", async () => {
    const slider = new IntSlider({ min: 0, max: 10, value: 3 });
    await expect(kernel.receive(slider.modelId, { method: "update", state: [7, 8] as never, buffer_paths: [] })).rejects.toThrow(
      "invalid state: [7,8] (expected an object of attributes)",
    );
    const big = new Uint8Array(16 * 1024 * 1024 + 1);
    await expect(kernel.receive(slider.modelId, { method: "update", state: { value: null }, buffer_paths: [["value"]] }, [big])).rejects.toThrow(
      "invalid buffers: 16777217 bytes (expected at most 16777216)",
    );
    await expect(kernel.receive(slider.modelId, { method: "update", state: { value: null }, buffer_paths: [["value"]] }, [new Uint8Array(4)])).rejects.toThrow(
      "invalid value: {",
    );
    await expect(
      kernel.receive(slider.modelId, { method: "update", state: { value: 1 }, buffer_paths: [["__proto__", "polluted"]] }, [new Uint8Array(1)]),
    ).rejects.toThrow("invalid buffer_paths");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(slider.value).toBe(3);
  });

  it('coerces only what ipywidgets coerces (CInt: 3.7 → 3, "7" → 7), clamps 1e9 to max, ignores unknown keys, and echoes the kept values', async () => {
    const slider = new IntSlider({ min: 0, max: 10, value: 3 });
    const observed: unknown[] = [];
    slider.observe("value", (c) => observed.push(c.new));
    for (const [sent, kept] of [
      [3.7, 3],
      ["7", 7],
      [1e9, 10],
    ] as const) {
      kernel.sent.length = 0;
      await kernel.receive(slider.modelId, { method: "update", state: { value: sent }, buffer_paths: [] });
      expect(slider.value).toBe(kept);
      expect(echoes(slider.modelId)).toEqual([{ value: kept }]);
    }
    kernel.sent.length = 0;
    await expect(kernel.receive(slider.modelId, { method: "update", state: { value: 4, sneaky: "<b>" }, buffer_paths: [] })).rejects.toThrow(
      'unknown ["sneaky"] (ignored)',
    );
    expect(slider.value).toBe(4);
    expect(slider.get("sneaky")).toBeUndefined();
    expect(echoes(slider.modelId)).toEqual([{ value: 4 }]);
    expect(observed).toEqual([7, 10, 4]);
  });

  it("hands interact callbacks only values that passed the checks", async () => {
    const seen: unknown[] = [];
    const handle = interactive(({ n }) => void seen.push(n), { n: { min: 1, max: 10, value: 2 } });
    const id = (handle.controls.n as IntSlider).modelId;
    for (const value of ["7", null, -100, "abc", 3.7, 1e9])
      await kernel.receive(id, { method: "update", state: { value }, buffer_paths: [] }).catch(() => undefined);
    await handle.update();
    expect(
      seen.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 10),
      JSON.stringify(seen),
    ).toBe(true);
    expect(seen.at(-1)).toBe(10);
  });

  it("refuses a selection index out of range or of the wrong type from the wire", async () => {
    const dropdown = new Dropdown({ options: ["a", "b"], value: "b" });
    for (const index of [2, -1, "0", 0.5]) {
      kernel.sent.length = 0;
      await expect(kernel.receive(dropdown.modelId, { method: "update", state: { index }, buffer_paths: [] })).rejects.toThrow("invalid index");
      expect(echoes(dropdown.modelId)).toEqual([{ index: 1 }]);
    }
    await expect(kernel.receive(dropdown.modelId, { method: "update", state: { _options_labels: ["x", "y", "z"] }, buffer_paths: [] })).rejects.toThrow(
      "read-only",
    );
    expect(dropdown.value).toBe("b");
  });
});
