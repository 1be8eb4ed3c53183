import { randomUUID } from "node:crypto";
import { kernelApi, type Comm, type CommMessage, type JSONObject, type KernelApi, type MimeBundle } from "../kernel-ext/api";
import { deserializeState, serializeState, type BufferPath } from "./serialize";
import { PROTOCOL_VERSION, WIDGET_VIEW_MIME } from "./version";

/** A model's identity: module, name and version of its model and of its view. */
export interface ModelSpec {
  model: { module: string; name: string; version: string };
  /** null for models with no view (Layout has one, Link has none). */
  view: { module: string; name: string; version: string } | null;
}

/** A change of one attribute, as observers see it. */
export interface Change<T = unknown> {
  name: string;
  old: T;
  new: T;
  owner: Widget;
}

// Live widgets by model id, shared by every copy of this module a kernel may load.
const LIVE = Symbol.for("dslab.widgets.live");
const CONTROL = Symbol.for("dslab.widgets.controlTarget");
type Globals = { [LIVE]?: Map<string, Widget>; [CONTROL]?: WeakSet<KernelApi> };

/** Every live widget, by model id. */
export function liveWidgets(): Map<string, Widget> {
  return ((globalThis as Globals)[LIVE] ??= new Map());
}

/** Whether a value is a widget (of any copy of this module). */
export function isWidget(value: unknown): value is Widget {
  return value instanceof Widget || (typeof value === "object" && value !== null && (value as { [key: symbol]: unknown })[Symbol.for("dslab.widget")] === true);
}

/**
 * A widget: state synchronised with the front end over one comm (target jupyter.widget,
 * ipywidgets protocol 2.1.0). Without a kernel it is a plain local object.
 */
export class Widget {
  readonly modelId: string;
  readonly spec: ModelSpec;
  protected readonly state: Record<string, unknown>;
  private comm?: Comm;
  private readonly observers = new Map<string, Set<(change: Change) => void>>();
  private readonly customHandlers = new Set<(content: JSONObject, buffers: Uint8Array[]) => void>();
  private closedLocally = false;

  constructor(spec: ModelSpec, state: object) {
    this.spec = spec;
    this.state = {
      _model_module: spec.model.module,
      _model_module_version: spec.model.version,
      _model_name: spec.model.name,
      _view_module: spec.view?.module ?? spec.model.module,
      _view_module_version: spec.view?.version ?? spec.model.version,
      _view_name: spec.view?.name ?? null,
      ...state,
    };
    (this as unknown as { [key: symbol]: boolean })[Symbol.for("dslab.widget")] = true;
    this.defineAccessors();
    const api = kernelApi();
    this.modelId = randomUUID().replace(/-/g, "");
    liveWidgets().set(this.modelId, this);
    if (api) this.open(api);
  }

  /** The value of an attribute. */
  get<T = unknown>(name: string): T {
    return this.state[name] as T;
  }

  /** Sets attributes, notifies observers of real changes, and syncs them to the front end in one update. */
  set(values: Record<string, unknown>): void {
    const changes = this.apply(values);
    if (changes.length === 0) return;
    this.sendState(Object.fromEntries(changes.map((c) => [c.name, c.new])), "update");
    this.notify(changes);
  }

  /** Calls fn with each change of the attribute `name` (or of any attribute, for "*"). Returns an unobserve function. */
  observe<T = unknown>(name: string, fn: (change: Change<T>) => void): () => void {
    const set = this.observers.get(name) ?? new Set();
    set.add(fn as (change: Change) => void);
    this.observers.set(name, set);
    return () => set.delete(fn as (change: Change) => void);
  }

  /** Handles custom messages from the front end. */
  onCustom(fn: (content: JSONObject, buffers: Uint8Array[]) => void): void {
    this.customHandlers.add(fn);
  }

  /** Delivers a custom message to the onCustom handlers, as if a front end had sent it. */
  protected handleCustom(content: JSONObject, buffers: Uint8Array[]): void {
    for (const fn of this.customHandlers) {
      try {
        fn(content, buffers);
      } catch (error) {
        console.error("Error in a custom message handler:", error);
      }
    }
  }

  /** Sends a custom message to the front end. */
  sendCustom(content: JSONObject, buffers: Uint8Array[] = []): void {
    this.comm?.send({ method: "custom", content }, { buffers });
  }

  /** Closes the comm; the front end removes its views. */
  close(): void {
    if (this.closedLocally) return;
    this.closedLocally = true;
    liveWidgets().delete(this.modelId);
    this.comm?.close();
  }

  /** The full state in wire form (for request_state and request_states). */
  serializedState(): ReturnType<typeof serializeState> {
    return serializeState(this.state, isWidget);
  }

  /** A widget displays as a view of its model, with a text fallback where widgets cannot render. */
  [Symbol.for("Jupyter.display")](): MimeBundle {
    return {
      [WIDGET_VIEW_MIME]: { version_major: 2, version_minor: 0, model_id: this.modelId },
      "text/plain": this.toString(),
    };
  }

  toString(): string {
    const value = this.state.value;
    const description = this.state.description;
    const parts = [description ? `description=${JSON.stringify(description)}` : "", value !== undefined ? `value=${JSON.stringify(value)}` : ""].filter(Boolean);
    return `${this.spec.model.name.replace(/Model$/, "")}(${parts.join(", ")})`;
  }

  /** Applies values locally; returns the real changes. */
  protected apply(values: Record<string, unknown>): Change[] {
    const changes: Change[] = [];
    for (const [name, value] of Object.entries(values)) {
      const old = this.state[name];
      if (sameValue(old, value)) continue;
      this.state[name] = value;
      changes.push({ name, old, new: value, owner: this });
    }
    return changes;
  }

  protected notify(changes: Change[]): void {
    for (const change of changes) {
      for (const fn of [...(this.observers.get(change.name) ?? []), ...(this.observers.get("*") ?? [])]) {
        try {
          fn(change);
        } catch (error) {
          console.error(`Error in an observer of ${change.name}:`, error);
        }
      }
    }
  }

  private defineAccessors(): void {
    for (const name of Object.keys(this.state)) {
      if (name.startsWith("_") || name in this) continue;
      Object.defineProperty(this, name, { get: () => this.state[name], set: (value: unknown) => this.set({ [name]: value }), enumerable: true, configurable: true });
    }
  }

  private sendState(state: Record<string, unknown>, method: "update" | "echo_update"): void {
    if (!this.comm || this.comm.closed) return;
    const wire = serializeState(state, isWidget);
    this.comm.send({ method, state: wire.state, buffer_paths: wire.buffer_paths as unknown as JSONObject[] }, { buffers: wire.buffers });
  }

  private open(api: KernelApi): void {
    registerControlTarget(api);
    const wire = this.serializedState();
    this.comm = api.openComm("jupyter.widget", {
      commId: this.modelId,
      data: { state: wire.state, buffer_paths: wire.buffer_paths as unknown as JSONObject[] },
      metadata: { version: PROTOCOL_VERSION },
      buffers: wire.buffers,
    });
    this.comm.onMsg((message) => this.receive(message));
    this.comm.onClose(() => {
      this.closedLocally = true;
      liveWidgets().delete(this.modelId);
    });
  }

  private receive(message: CommMessage): void {
    const data = message.data as { method?: string; state?: JSONObject; buffer_paths?: BufferPath[]; content?: JSONObject };
    if (data.method === "update" && data.state) {
      const values = deserializeState(data.state, message.buffers, data.buffer_paths ?? [], (id) => liveWidgets().get(id));
      const changes = this.apply(values);
      // ipywidgets 8: confirm what the kernel accepted so that every front end converges.
      this.sendState(values, "echo_update");
      this.notify(changes);
    } else if (data.method === "request_state") {
      this.sendState(this.state, "update");
    } else if (data.method === "custom") {
      this.handleCustom(data.content ?? {}, message.buffers);
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (isWidget(a) || isWidget(b)) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** The jupyter.widget.control target: answers request_states with every live widget's state (front ends restoring after a reload). */
function registerControlTarget(api: KernelApi): void {
  const registered = ((globalThis as Globals)[CONTROL] ??= new WeakSet());
  if (registered.has(api)) return;
  registered.add(api);
  api.registerCommTarget("jupyter.widget.control", (comm) => {
    comm.onMsg((message) => {
      if ((message.data as { method?: string }).method !== "request_states") return;
      // As ipywidgets does: each state wrapped with its model's identity; buffer paths from the top.
      const states: JSONObject = {};
      const paths: BufferPath[] = [];
      const buffers: Uint8Array[] = [];
      for (const [id, widget] of liveWidgets()) {
        const wire = widget.serializedState();
        const { model } = widget.spec;
        states[id] = { model_name: model.name, model_module: model.module, model_module_version: model.version, state: wire.state };
        for (const path of wire.buffer_paths) paths.push([id, "state", ...path]);
        buffers.push(...wire.buffers);
      }
      comm.send({ method: "update_states", states, buffer_paths: paths as unknown as JSONObject[] }, { buffers });
    });
  });
}
