// Runs a handout's live plan in Node, against the dslab library built for Node, with a kernel
// API that keeps every widget's state: what the page's in-page kernel must reproduce. Tests
// and the bench set a control here and read the figure the library computes for that value.
import { runInThisContext } from "node:vm";
import { inspect } from "node:util";
import * as arquero from "arquero";
import * as dslab from "../../src/index";
import * as kernel from "../../kernel-ext/index";
import * as widgets from "../../widgets/index";
import { setKernelApi, type CapturedOutput, type JSONObject, type KernelApi } from "../../kernel-ext/api";
import { CommRegistry } from "../../kernel-ext/kernel/comms";
import { displaysItself, toMimeBundle } from "../../kernel-ext/kernel/display-bundle";
import { RESULT_HOOK } from "../../widgets/frontend/live/live-protocol";
import type { LiveCell } from "../../kernel-ext/handout/compile-cells";
import { mapModels } from "../../widgets/frontend/live/map-models";

const MODULES: Record<string, unknown> = { dslab, "dslab/widgets": widgets, "dslab/kernel": kernel, arquero };
const VIEW = "application/vnd.jupyter.widget-view+json";

/** The replayed notebook: saved model id -> the Node widget that stands for it. */
export interface Replay {
  widget(savedId: string): widgets.Widget | undefined;
  /** Sends a widget an update as the page does (a comm_msg with method "update"), and lets its runs finish. */
  update(savedId: string, state: Record<string, unknown>): Promise<void>;
  /** Lets queued interact runs finish. */
  settle(): Promise<void>;
  close(): void;
}

/** Runs the cells (in order, in this process's global scope) and pairs the widgets they make with the saved ones. */
export async function replayNotebook(cells: readonly LiveCell[], saved: Record<string, { state: Record<string, unknown> }>): Promise<Replay> {
  const states = new Map<string, Record<string, unknown>>();
  const displays = new Map<number, string[]>();
  let cell: number | undefined;
  let sink: ((o: CapturedOutput) => void) | undefined;
  const comms = new CommRegistry({
    send(msgType, content) {
      const c = content as { comm_id: string; data?: { state?: Record<string, unknown>; method?: string } };
      if (msgType === "comm_open") states.set(c.comm_id, { ...(c.data?.state ?? {}) });
      else if (msgType === "comm_msg" && c.data?.state && states.has(c.comm_id)) Object.assign(states.get(c.comm_id)!, c.data.state);
    },
    report(error, where) {
      throw new Error(`${where}: ${String(error)}`);
    },
  });
  const api: KernelApi = {
    registerCommTarget: (name, handler) => comms.registerTarget(name, handler),
    openComm: (name, options) => comms.open(name, options),
    displayBundle(bundle) {
      if (sink) return sink({ output_type: "display_data", data: bundle, metadata: {} as JSONObject });
      const view = bundle[VIEW] as { model_id?: string } | undefined;
      if (view?.model_id && cell !== undefined) displays.set(cell, [...(displays.get(cell) ?? []), view.model_id]);
    },
    clearOutput: (options = {}) => sink?.({ output_type: "clear_output", wait: options.wait ?? false }),
    currentParentId: () => "",
    withParent: (_id, fn) => fn(),
    toBundle: (value) => toMimeBundle(value, { plotlyHtml: () => "" }),
    capture(target, fn) {
      const previous = sink;
      sink = target;
      const log = console.log;
      console.log = (...args: unknown[]) =>
        target({ output_type: "stream", name: "stdout", text: `${args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ")}\n` });
      try {
        return fn();
      } finally {
        sink = previous;
        console.log = log;
      }
    },
  };
  setKernelApi(api);
  const g = globalThis as { require?: unknown } & Record<string, unknown>;
  const previousRequire = g.require;
  // As the page's kernel: a cell's last expression that displays itself (a bare widget) is displayed.
  g[RESULT_HOOK] = (value: unknown) => {
    if (displaysItself(value)) api.displayBundle(api.toBundle(value));
  };
  g.require = (name: string) => {
    if (!(name in MODULES)) throw new Error(`no module ${name} in the replay`);
    return MODULES[name];
  };
  const settle = async () => {
    for (let i = 0; i < 6; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  for (const c of cells) {
    cell = c.index;
    runInThisContext(c.js, { filename: `In[${c.executionCount}]` });
    cell = undefined;
    await settle();
  }
  await settle();
  const roots: [string, string][] = [];
  for (const c of cells) c.widgetViews.forEach((id, i) => displays.get(c.index)?.[i] && roots.push([id, displays.get(c.index)![i]]));
  const map = mapModels({ get: (id) => saved[id]?.state }, { get: (id) => states.get(id) }, roots);
  return {
    widget: (savedId) => {
      const id = map.get(savedId);
      return id ? widgets.liveWidgets().get(id) : undefined;
    },
    async update(savedId, state) {
      const id = map.get(savedId);
      if (!id) throw new Error(`no live twin of saved model ${savedId}`);
      await comms.handleMsg(
        { comm_id: id },
        { data: { method: "update", state: state as JSONObject, buffer_paths: [] }, buffers: [], metadata: {}, msgId: "replay" },
      );
      await settle();
    },
    settle,
    close() {
      setKernelApi(undefined);
      g.require = previousRequire;
      delete g[RESULT_HOOK];
    },
  };
}
