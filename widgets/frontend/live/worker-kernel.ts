// The in-page kernel of a live handout, run in a Web Worker: the notebook's own cells (compiled
// to JavaScript when the handout was built) run against the same dslab, dslab/widgets and
// dslab/kernel modules the Jupyter kernel loads, bundled for the browser. Widgets talk to the
// page exactly as they talk to JupyterLab: comm_open, comm_msg and comm_close, here over
// postMessage; prints and displays of a widget's function go to its Output widget.
import * as arquero from "arquero";
import * as dslab from "../../../src/index";
import * as kernel from "../../../kernel-ext/index";
import * as widgets from "../../index";
import { setKernelApi, type CapturedOutput, type CommMessage, type JSONObject, type KernelApi, type MimeBundle } from "../../../kernel-ext/api";
import { CommRegistry } from "../../../kernel-ext/kernel/comms";
import { displaysItself, toMimeBundle } from "../../../kernel-ext/kernel/display-bundle";
import { format } from "./shims/node-util";
import { type FromKernel, type PageCell, RESULT_HOOK, type ToKernel } from "./live-protocol";

type Scope = {
  postMessage(message: FromKernel, transfer?: Transferable[]): void;
  importScripts?: (...urls: string[]) => void;
  require?: (name: string) => unknown;
  setImmediate?: (fn: (...args: unknown[]) => void, ...args: unknown[]) => number;
};
const scope = globalThis as unknown as Scope;
// Taken once: cells run in this global scope.
const postToPage = scope.postMessage.bind(scope);

const MODULES: Record<string, unknown> = { dslab, "dslab/widgets": widgets, "dslab/kernel": kernel, arquero };

// The message being handled (a page comm_msg), so replies carry it as their parent as Jupyter's do.
let parent: string | undefined;
// The cell being run, so the page knows which saved widget view each display belongs to.
let runningCell: number | undefined;
// Where prints and displays go while a widget's function runs inside Output.capture.
let sink: ((output: CapturedOutput) => void) | undefined;

function post(message: FromKernel): void {
  const buffers = "buffers" in message ? message.buffers : [];
  postToPage(message, buffers);
}

function toArrayBuffers(buffers: Uint8Array[] | undefined): ArrayBuffer[] {
  return (buffers ?? []).map((b) => b.slice().buffer as ArrayBuffer);
}

const comms = new CommRegistry({
  send(msgType, content, options) {
    const c = content as { comm_id: string; target_name?: string; data?: unknown };
    if (msgType === "comm_open")
      post({
        type: "comm_open",
        comm_id: c.comm_id,
        target_name: c.target_name ?? "",
        data: c.data ?? {},
        metadata: options.metadata ?? {},
        buffers: toArrayBuffers(options.buffers),
        parent,
      });
    else if (msgType === "comm_msg")
      post({ type: "comm_msg", comm_id: c.comm_id, data: c.data ?? {}, metadata: options.metadata ?? {}, buffers: toArrayBuffers(options.buffers), parent });
    else post({ type: "comm_close", comm_id: c.comm_id, data: c.data ?? {}, parent });
  },
  report(error, where) {
    emit({ output_type: "stream", name: "stderr", text: `Error in ${where}: ${describe(error)}\n` });
  },
});

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

function emit(output: CapturedOutput): void {
  if (sink) {
    sink(output);
    return;
  }
  if (output.output_type === "stream") post({ type: "stream", name: output.name, text: output.text, parent });
  else if (output.output_type === "display_data") post({ type: "display_data", data: output.data, cell: runningCell, parent });
  else if (output.output_type === "clear_output") post({ type: "clear_output", wait: output.wait, parent });
  else post({ type: "stream", name: "stderr", text: `${output.traceback.join("\n")}\n`, parent });
}

const api: KernelApi = {
  registerCommTarget: (targetName, handler) => comms.registerTarget(targetName, handler),
  openComm: (targetName, options) => comms.open(targetName, options),
  displayBundle: (bundle: MimeBundle) => emit({ output_type: "display_data", data: bundle, metadata: {} }),
  clearOutput: (options = {}) => emit({ output_type: "clear_output", wait: options.wait ?? false }),
  currentParentId: () => parent ?? "",
  withParent: (_id, fn) => fn(),
  // The page draws plotly JSON itself; the kernel's self-contained HTML fallback is not needed here.
  toBundle: (value) => toMimeBundle(value, { plotlyHtml: () => "<p>(a plotly figure)</p>" }),
  // Outputs of fn's synchronous part go to the sink. A worker has no async context to follow
  // continuations with; what a function prints after an await goes to the page's console.
  capture(target, fn) {
    const previous = sink;
    sink = target;
    try {
      return fn();
    } finally {
      sink = previous;
    }
  },
};

function routeConsole(): void {
  const streams: [keyof Console, "stdout" | "stderr"][] = [
    ["log", "stdout"],
    ["info", "stdout"],
    ["debug", "stdout"],
    ["warn", "stderr"],
    ["error", "stderr"],
  ];
  for (const [method, name] of streams) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => emit({ output_type: "stream", name, text: `${format(...args)}\n` });
  }
}

/** setImmediate for the widgets' scheduling (interact coalesces bursts across one macrotask). */
function installSetImmediate(): void {
  if (scope.setImmediate) return;
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  scope.setImmediate = (fn, ...args) => {
    queue.push(() => fn(...args));
    channel.port2.postMessage(null);
    return 0;
  };
}

/** Runs one compiled cell as a classic script, so its top-level `var`s join the global scope. */
function runCell(cell: PageCell): void {
  const name = cell.executionCount !== null ? `In[${cell.executionCount}]` : `cell-${cell.index + 1}`;
  const source = `${cell.js}\n//# sourceURL=${name}.js\n`;
  if (!scope.importScripts) {
    // biome-ignore lint/security/noGlobalEval: a cell is code the handout carries to run; indirect eval runs it in the global scope, as importScripts does.
    const globalEval = eval;
    globalEval(source);
    return;
  }
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    scope.importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

const nextTask = () => new Promise<void>((resolve) => scope.setImmediate!(() => resolve()));

/** Lets the widgets' first runs (queued on macrotasks when the cells ran) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await nextTask();
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 4; i++) await nextTask();
}

async function run(cells: PageCell[]): Promise<void> {
  const started = performance.now();
  for (const cell of cells) {
    const t0 = performance.now();
    runningCell = cell.index;
    let error: string | undefined;
    try {
      runCell(cell);
    } catch (e) {
      error = describe(e);
    }
    runningCell = undefined;
    post({ type: "cell_done", index: cell.index, error, ms: performance.now() - t0 });
  }
  await settle();
  post({ type: "ready", ms: performance.now() - started });
}

function message(msg: ToKernel): void | Promise<void> {
  if (msg.type === "run") return run(msg.cells);
  const comm: CommMessage = {
    data: ("data" in msg ? (msg.data as JSONObject) : {}) ?? {},
    buffers: "buffers" in msg ? msg.buffers.map((b) => new Uint8Array(b)) : [],
    metadata: ("metadata" in msg ? (msg.metadata as JSONObject) : {}) ?? {},
    msgId: msg.msg_id,
  };
  parent = msg.msg_id;
  try {
    if (msg.type === "comm_open") comms.handleOpen({ comm_id: msg.comm_id, target_name: msg.target_name, data: msg.data }, comm);
    else if (msg.type === "comm_close") comms.handleClose({ comm_id: msg.comm_id }, comm);
    else {
      const done = comms.handleMsg({ comm_id: msg.comm_id }, comm);
      parent = undefined;
      // As a kernel reports idle once it has handled a request: the page's widgets throttle on it.
      return Promise.resolve(done).then(() => post({ type: "idle", parent: msg.msg_id }));
    }
  } finally {
    parent = undefined;
  }
  post({ type: "idle", parent: msg.msg_id });
}

installSetImmediate();
routeConsole();
setKernelApi(api);
// A cell's last expression is its result: what displays itself (a widget) is displayed, as the kernel does.
(scope as unknown as Record<string, unknown>)[RESULT_HOOK] = (value: unknown) => {
  if (displaysItself(value)) api.displayBundle(api.toBundle(value));
};
scope.require = (name: string) => {
  if (name in MODULES) return MODULES[name];
  throw new Error(`Cannot find module '${name}' in the page (it has ${Object.keys(MODULES).join(", ")})`);
};
addEventListener("message", (event: MessageEvent<ToKernel>) => {
  void Promise.resolve(message(event.data)).catch((error: unknown) => emit({ output_type: "stream", name: "stderr", text: `${describe(error)}\n` }));
});
