// The page side of a live handout: the saved widgets show at once; the reader's first touch of
// any widget starts the in-page kernel (a Web Worker made from the kernel's source inlined in
// the page, so it works from file://), which runs the notebook's cells and re-creates every
// widget; each saved model is then bound to its live twin's comm, and from there the widget
// manager talks to the worker as it talks to a Jupyter kernel.
import type { HTMLManager } from "@jupyter-widgets/html-manager/lib/htmlmanager";
import type { WidgetModel } from "@jupyter-widgets/base";
import { mapModels, renameReferences } from "./map-models";
import type { FromKernel, PageCell, ToKernel } from "./live-protocol";
import { WIDGET_VIEW_MIME } from "./live-protocol";

/** The script type of the handout's live plan (JSON) and of the kernel's source (JavaScript, not run by the page). */
export const LIVE_PLAN_TYPE = "application/vnd.dslab.live+json";
export const LIVE_KERNEL_TYPE = "text/x-dslab-kernel";
const WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json";

/** What the handout build wrote for the page's kernel. */
export interface LivePlanData {
  cells: PageCell[];
  /** Per cell index: the model ids of the widget views it displayed, in order. */
  views: Record<string, string[]>;
  /** Widget views that cannot go live, with the reason shown under them. */
  staticWidgets: { modelId: string; reason: string }[];
}

/** How far the page is from live, for the badge, tests and benchmarks. */
export interface LiveStatus {
  state: "saved" | "starting" | "live" | "failed";
  /** performance.now() of the first touch, of the worker's ready, of live. */
  startedAt?: number;
  readyAt?: number;
  liveAt?: number;
  /** Time the worker spent running the cells, in ms. */
  cellsMs?: number;
  reason?: string;
  /** Saved models bound to live ones, and widget views that stayed static. */
  bound: number;
  unbound: string[];
  cellErrors: { index: number; error: string }[];
}

type Callbacks = { iopub?: { status?: (msg: unknown) => void } };
type Saved = { state: Record<string, { state: Record<string, unknown> }> };

function uuid(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A comm of the in-page kernel, in the shape @jupyter-widgets' models expect (IClassicComm). */
class WorkerComm {
  private msgHandler?: (msg: unknown) => void;
  private closeHandler?: (msg: unknown) => void;

  constructor(
    readonly comm_id: string,
    readonly target_name: string,
    private readonly bridge: Bridge,
  ) {}

  open(data: unknown, callbacks?: Callbacks, metadata?: unknown, buffers?: (ArrayBuffer | ArrayBufferView)[]): string {
    return this.bridge.send(
      { type: "comm_open", comm_id: this.comm_id, target_name: this.target_name, data, metadata: metadata ?? {}, buffers: [], msg_id: "" },
      callbacks,
      buffers,
    );
  }

  send(data: unknown, callbacks?: Callbacks, metadata?: unknown, buffers?: (ArrayBuffer | ArrayBufferView)[]): string {
    return this.bridge.send({ type: "comm_msg", comm_id: this.comm_id, data, metadata: metadata ?? {}, buffers: [], msg_id: "" }, callbacks, buffers);
  }

  close(data?: unknown, callbacks?: Callbacks): string {
    return this.bridge.send({ type: "comm_close", comm_id: this.comm_id, data: data ?? {}, msg_id: "" }, callbacks);
  }

  on_msg(handler: (msg: unknown) => void): void {
    this.msgHandler = handler;
  }

  on_close(handler: (msg: unknown) => void): void {
    this.closeHandler = handler;
  }

  deliver(msg: unknown): void {
    this.msgHandler?.(msg);
  }

  closed(msg: unknown): void {
    this.closeHandler?.(msg);
  }
}

function asMessage(
  m: { comm_id: string; data: unknown; metadata?: unknown; buffers?: ArrayBuffer[]; parent?: string; target_name?: string },
  msgType: string,
): unknown {
  return {
    header: { msg_id: uuid(), msg_type: msgType },
    parent_header: m.parent ? { msg_id: m.parent } : {},
    metadata: m.metadata ?? {},
    content: { comm_id: m.comm_id, target_name: m.target_name, data: m.data },
    buffers: (m.buffers ?? []).map((b) => new DataView(b)),
    channel: "iopub",
  };
}

/** The page's end of the worker: sends comm messages, routes the worker's to models. */
class Bridge {
  readonly comms = new Map<string, WorkerComm>();
  private readonly callbacks = new Map<string, Callbacks>();
  /** Saved id -> live id, and back. */
  toLive = new Map<string, string>();

  constructor(private readonly worker: Worker) {}

  setMapping(map: Map<string, string>): void {
    this.toLive = map;
  }

  send(msg: ToKernel, callbacks?: Callbacks, buffers?: (ArrayBuffer | ArrayBufferView)[]): string {
    const msgId = uuid();
    const out = { ...msg, msg_id: msgId } as ToKernel;
    if ("data" in out) (out as { data: unknown }).data = renameReferences(out.data, (id) => this.toLive.get(id));
    const transfer = (buffers ?? []).map((b) =>
      b instanceof ArrayBuffer ? b.slice(0) : (b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer),
    );
    if ("buffers" in out) (out as { buffers: ArrayBuffer[] }).buffers = transfer;
    if (callbacks) this.callbacks.set(msgId, callbacks);
    this.worker.postMessage(out, transfer);
    return msgId;
  }

  idle(parent: string): void {
    const callbacks = this.callbacks.get(parent);
    this.callbacks.delete(parent);
    callbacks?.iopub?.status?.({ header: { msg_type: "status" }, parent_header: { msg_id: parent }, content: { execution_state: "idle" } });
  }
}

/** Live models' latest states, followed from the worker's messages until the page binds them. */
class LiveStates {
  readonly models = new Map<string, { target: string; state: Record<string, unknown>; metadata: unknown; buffers: ArrayBuffer[]; paths: unknown[] }>();
  readonly displays = new Map<number, string[]>();

  observe(m: FromKernel): void {
    if (m.type === "comm_open" && m.target_name === "jupyter.widget") {
      const data = m.data as { state?: Record<string, unknown>; buffer_paths?: unknown[] };
      this.models.set(m.comm_id, {
        target: m.target_name,
        state: { ...(data.state ?? {}) },
        metadata: m.metadata,
        buffers: [...m.buffers],
        paths: [...(data.buffer_paths ?? [])],
      });
    } else if (m.type === "comm_msg") {
      const model = this.models.get(m.comm_id);
      const data = m.data as { method?: string; state?: Record<string, unknown>; buffer_paths?: unknown[] };
      if (model && (data.method === "update" || data.method === "echo_update") && data.state) {
        Object.assign(model.state, data.state);
        // Binary attributes are rare in dslab's widgets; keep the latest message's.
        if (m.buffers.length > 0) {
          model.buffers = [...m.buffers];
          model.paths = [...(data.buffer_paths ?? [])];
        }
      }
    } else if (m.type === "comm_close") {
      this.models.delete(m.comm_id);
    } else if (m.type === "display_data" && m.cell !== undefined) {
      const view = m.data[WIDGET_VIEW_MIME] as { model_id?: string } | undefined;
      if (view?.model_id) this.displays.set(m.cell, [...(this.displays.get(m.cell) ?? []), view.model_id]);
    }
  }
}

/**
 * Arms a rendered handout: the first pointer, key or focus event in a widget starts the in-page
 * kernel. Returns the status object (also window.dslabLive) and a way to start at once.
 */
export function armLiveHandout(
  manager: HTMLManager,
  root: Document = document,
): { status: LiveStatus; start(): Promise<LiveStatus>; manager: HTMLManager } | undefined {
  const planTag = root.querySelector(`script[type="${LIVE_PLAN_TYPE}"]`);
  const kernelTag = root.querySelector(`script[type="${LIVE_KERNEL_TYPE}"]`);
  const stateTag = root.querySelector(`script[type="${WIDGET_STATE_TYPE}"]`);
  if (!planTag || !kernelTag || !stateTag) return undefined;
  const plan = JSON.parse(planTag.textContent ?? "{}") as LivePlanData;
  const saved = JSON.parse(stateTag.textContent ?? "{}") as Saved;
  const status: LiveStatus = { state: "saved", bound: 0, unbound: [], cellErrors: [] };
  const badge = createBadge(root);
  showStaticNotes(root, plan);
  const show = () => renderBadge(badge, status);
  show();
  const held = holdCustomMessages(manager, Object.keys(saved.state ?? {}));
  let starting: Promise<LiveStatus> | undefined;
  const start = (): Promise<LiveStatus> => {
    status.startedAt ??= performance.now();
    status.state = "starting";
    show();
    starting ??= kernelSource(kernelTag)
      .then((source) => goLive(manager, plan, saved, source, status, show, held))
      .catch((error: unknown) => {
        status.state = "failed";
        status.reason = error instanceof Error ? error.message : String(error);
        show();
        return status;
      });
    return starting;
  };
  const onTouch = (event: Event) => {
    const target = event.target as Element | null;
    if (target && typeof target.closest === "function" && target.closest(".output-widget")) {
      for (const type of TOUCH_EVENTS) root.removeEventListener(type, onTouch, true);
      void start();
    }
  };
  for (const type of TOUCH_EVENTS) root.addEventListener(type, onTouch, true);
  // Unless told to wait for a touch (window.dslabLiveOnTouch, for measuring a cold start), the
  // kernel also starts when a widget comes within a screen of the viewport, so it is usually
  // live before the reader reaches it, and a reader who never scrolls to a widget costs nothing.
  if (!(globalThis as { dslabLiveOnTouch?: boolean }).dslabLiveOnTouch) {
    const widgets = root.querySelectorAll(".output-widget");
    if (typeof IntersectionObserver === "function" && widgets.length > 0) {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          observer.disconnect();
          void start();
        },
        { rootMargin: "100% 0px" },
      );
      widgets.forEach((w) => observer.observe(w));
    }
  }
  return { status, start, manager };
}

/** The kernel's source from its script element (gzip and base64 when data-encoding says so). */
async function kernelSource(tag: Element): Promise<string> {
  const text = tag.textContent ?? "";
  if (tag.getAttribute("data-encoding") !== "gzip+base64") return text;
  if (typeof DecompressionStream === "undefined") throw new Error("this browser cannot unpack the in-page kernel (no DecompressionStream)");
  const bytes = Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}

const TOUCH_EVENTS = ["pointerdown", "keydown", "focusin", "input"];

/**
 * Holds the custom messages views send before their model is bound to the in-page kernel (the
 * explorer's Step that starts the kernel is one): each is sent once the model is live, instead of
 * being dropped for want of a comm.
 */
function holdCustomMessages(manager: HTMLManager, ids: string[]): (() => void)[] {
  const held: (() => void)[] = [];
  for (const id of ids) {
    manager
      .get_model(id)
      .then((model) => {
        const send = model.send.bind(model);
        model.send = (content, callbacks, buffers) => {
          if (model.comm_live) send(content, callbacks, buffers);
          else held.push(() => send(content, callbacks, buffers));
        };
      })
      .catch(() => undefined);
  }
  return held;
}

async function goLive(
  manager: HTMLManager,
  plan: LivePlanData,
  saved: Saved,
  kernelSource: string,
  status: LiveStatus,
  show: () => void,
  held: (() => void)[],
): Promise<LiveStatus> {
  if (typeof Worker === "undefined" || typeof Blob === "undefined") throw new Error("this browser has no Web Workers");
  const url = URL.createObjectURL(new Blob([kernelSource], { type: "text/javascript" }));
  const worker = new Worker(url, { name: "dslab in-page kernel" });
  const bridge = new Bridge(worker);
  const states = new LiveStates();
  let live = false;
  const ready = new Promise<number>((resolve, reject) => {
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(`the in-page kernel stopped: ${event.message || "unknown error"}`));
    };
    worker.onmessage = (event: MessageEvent<FromKernel>) => {
      const m = event.data;
      if (m.type === "ready") {
        // From here on, a failure in the worker is reported, not fatal: the widgets stay as they are.
        worker.onerror = (event) => console.warn(`[in-page kernel] ${event.message}`);
        return resolve(m.ms);
      }
      if (m.type === "cell_done") {
        if (m.error) status.cellErrors.push({ index: m.index, error: m.error });
        return;
      }
      if (m.type === "idle") return bridge.idle(m.parent);
      // Until the saved models are bound, the live states are only followed (they are applied at binding).
      if (!live) return states.observe(m);
      void route(manager, bridge, m);
    };
  });
  worker.postMessage({ type: "run", cells: plan.cells } satisfies ToKernel);
  status.cellsMs = await ready;
  status.readyAt = performance.now();
  URL.revokeObjectURL(url);
  // Pair each saved widget view with the live one its cell displayed, in order; then their parts.
  const roots: [string, string][] = [];
  for (const [cell, views] of Object.entries(plan.views)) {
    const liveViews = states.displays.get(Number(cell)) ?? [];
    views.forEach((id, i) => liveViews[i] && roots.push([id, liveViews[i]]));
  }
  const map = mapModels({ get: (id) => saved.state[id]?.state }, { get: (id) => states.models.get(id)?.state }, roots);
  bridge.setMapping(map);
  // What the reader changed before the kernel was ready is sent once the models are bound.
  const touched: [WidgetModel, string, unknown][] = [];
  const rebound: Promise<unknown>[] = [];
  for (const [savedId, liveId] of map) {
    const model = (await manager.get_model(savedId)) as WidgetModel & {
      _handle_comm_msg(msg: unknown): Promise<void>;
      _handle_comm_closed(msg: unknown): void;
    };
    for (const attr of ["value", "index"]) {
      const before = saved.state[savedId].state[attr];
      if (attr in saved.state[savedId].state && JSON.stringify(model.get(attr)) !== JSON.stringify(before)) touched.push([model, attr, model.get(attr)]);
    }
    const comm = new WorkerComm(liveId, "jupyter.widget", bridge);
    bridge.comms.set(liveId, comm);
    (model as unknown as { comm: unknown }).comm = comm;
    comm.on_close(model._handle_comm_closed.bind(model));
    comm.on_msg(model._handle_comm_msg.bind(model));
    model.comm_live = true;
    manager.register_model(liveId, Promise.resolve(model));
  }
  // Live models with no saved twin (made by a run the saved notebook did not see) are created as a kernel's would be.
  for (const [liveId, model] of states.models) {
    if (bridge.comms.has(liveId)) continue;
    const comm = new WorkerComm(liveId, model.target, bridge);
    bridge.comms.set(liveId, comm);
    await manager.handle_comm_open(
      comm as never,
      asMessage(
        {
          comm_id: liveId,
          target_name: model.target,
          data: { state: model.state, buffer_paths: model.paths },
          metadata: model.metadata,
          buffers: model.buffers,
        },
        "comm_open",
      ) as never,
    );
  }
  // Bound models take what differs in the live state (nothing, when the notebook is deterministic:
  // the saved views are not redrawn). References are compared through the pairing.
  for (const [savedId, liveId] of map) {
    const model = states.models.get(liveId)!;
    const before = saved.state[savedId].state;
    const changed = Object.fromEntries(
      Object.entries(model.state).filter(
        ([key, value]) => !key.startsWith("_") && JSON.stringify(renameReferences(before[key], (id) => map.get(id))) !== JSON.stringify(value),
      ),
    );
    const kept = model.paths.map((p, i) => [p, i] as const).filter(([p]) => Array.isArray(p) && String(p[0]) in changed);
    if (Object.keys(changed).length === 0) continue;
    bridge.comms
      .get(liveId)!
      .deliver(
        asMessage(
          { comm_id: liveId, data: { method: "update", state: changed, buffer_paths: kept.map(([p]) => p) }, buffers: kept.map(([, i]) => model.buffers[i]) },
          "comm_msg",
        ),
      );
    rebound.push(manager.get_model(savedId).then((m) => m.state_change));
  }
  await Promise.all(rebound);
  live = true;
  for (const [model, attr, value] of touched) {
    model.set(attr, value);
    model.save_changes();
  }
  for (const send of held.splice(0)) send();
  status.bound = map.size;
  const liveRoots = new Set(roots.filter(([s]) => map.has(s)).map(([s]) => s));
  status.unbound = Object.values(plan.views)
    .flat()
    .filter((id) => !liveRoots.has(id));
  status.state = "live";
  status.liveAt = performance.now();
  show();
  return status;
}

async function route(manager: HTMLManager, bridge: Bridge, m: FromKernel): Promise<void> {
  if (m.type === "comm_msg") bridge.comms.get(m.comm_id)?.deliver(asMessage(m, "comm_msg"));
  else if (m.type === "comm_close") bridge.comms.get(m.comm_id)?.closed(asMessage(m, "comm_close"));
  else if (m.type === "comm_open" && m.target_name === "jupyter.widget") {
    const comm = new WorkerComm(m.comm_id, m.target_name, bridge);
    bridge.comms.set(m.comm_id, comm);
    await manager.handle_comm_open(comm as never, asMessage(m, "comm_open") as never);
  } else if (m.type === "stream" && m.name === "stderr") console.warn(`[in-page kernel] ${m.text}`);
}

function createBadge(root: Document): HTMLElement {
  const badge = root.createElement("div");
  badge.className = "dslab-live-badge";
  badge.setAttribute("role", "status");
  badge.setAttribute("aria-live", "polite");
  const style = root.createElement("style");
  style.textContent = `.dslab-live-badge{position:fixed;right:12px;bottom:12px;z-index:1000;font:12px/1.4 system-ui,sans-serif;padding:4px 10px;border-radius:12px;background:#f6f8fa;color:#59636e;border:1px solid #d1d9e0;box-shadow:0 1px 3px rgba(0,0,0,.08);max-width:22rem}
.dslab-live-badge[data-state=live]{color:#1a7f37;border-color:#1a7f37}
.dslab-live-badge[data-state=live]::before{content:"● ";}
.dslab-live-badge[data-state=failed]{color:#9a6700;border-color:#d4a72c;background:#fff8c5}
.dslab-static-note{font-size:.85rem;color:#9a6700;margin:.25rem 0}
@media print{.dslab-live-badge{display:none}}`;
  root.head.append(style);
  root.body.append(badge);
  return badge;
}

function renderBadge(badge: HTMLElement, status: LiveStatus): void {
  badge.dataset.state = status.state;
  if (status.state === "saved") badge.textContent = "saved outputs · touch a widget to make it live";
  else if (status.state === "starting") badge.textContent = "starting the in-page kernel…";
  else if (status.state === "live") {
    const ms = Math.round((status.liveAt ?? 0) - (status.startedAt ?? 0));
    badge.textContent = status.unbound.length > 0 ? `live (${status.unbound.length} widget(s) keep their saved state)` : "live";
    const errors = status.cellErrors.map((e) => `cell #${e.index + 1} failed in the page: ${e.error.split("\n")[0]}`);
    badge.title = [`The widgets recompute in this page (in-page kernel live ${ms} ms after it started).`, ...errors].join("\n");
  } else {
    badge.textContent = "saved outputs only: this page could not go live";
    badge.title = status.reason ?? "";
  }
}

function showStaticNotes(root: Document, plan: LivePlanData): void {
  for (const { modelId, reason } of plan.staticWidgets) {
    for (const tag of root.querySelectorAll(`script[type="${WIDGET_VIEW_MIME}"]`)) {
      if (!(tag.textContent ?? "").includes(modelId)) continue;
      const note = root.createElement("p");
      note.className = "dslab-static-note";
      note.textContent = `This widget shows its saved state only: ${reason}.`;
      tag.closest(".output-widget")?.after(note);
    }
  }
}
