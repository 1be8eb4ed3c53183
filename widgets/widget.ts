import { randomUUID } from "node:crypto";
import { kernelApi, type Comm, type CommMessage, type JSONObject, type KernelApi, type MimeBundle } from "../kernel-ext/api";
import { formatValue } from "../src/validate";
import { checkWireBuffers, deserializeState, serializeState, type BufferPath } from "./serialize";
import type { Traits } from "./traits";
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
  const globals = globalThis as Globals;
  globals[LIVE] ??= new Map();
  return globals[LIVE];
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
  private readonly traits: Traits;

  /**
   * `traits` check (and convert, where ipywidgets converts) attributes on every set, from the
   * kernel and from a front end; validateState then checks rules across attributes. The initial
   * state passes both, so a bad option throws here with the attribute, the value and its range.
   */
  constructor(spec: ModelSpec, state: object, traits: Traits = {}) {
    this.spec = spec;
    this.traits = traits;
    const initial: Record<string, unknown> = {
      _model_module: spec.model.module,
      _model_module_version: spec.model.version,
      _model_name: spec.model.name,
      _view_module: spec.view?.module ?? spec.model.module,
      _view_module_version: spec.view?.version ?? spec.model.version,
      _view_name: spec.view?.name ?? null,
      ...state,
    };
    for (const [name, trait] of Object.entries(traits)) if (Object.hasOwn(initial, name)) initial[name] = trait(name, initial[name]);
    this.validateState(initial, new Set(Object.keys(initial)));
    this.state = initial;
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

  /**
   * Sets attributes, notifies observers of real changes, and syncs them to the front end in one
   * update. Every value is checked first, as ipywidgets' validators do (a slider's value clamped
   * to [min, max], min > max refused): a refused value throws and changes nothing.
   */
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
    const parts = [description ? `description=${JSON.stringify(description)}` : "", value !== undefined ? `value=${JSON.stringify(value)}` : ""].filter(
      Boolean,
    );
    return `${this.spec.model.name.replace(/Model$/, "")}(${parts.join(", ")})`;
  }

  /**
   * Checks a proposed state across attributes after each value passed its trait; may adjust
   * attributes that depend on the changed ones (a value clamped when max moves below it), and
   * throws when a rule breaks. `changed` names the attributes being set. Runs before subclass
   * fields exist (for the initial state too): use only `proposed`.
   */
  protected validateState(proposed: Record<string, unknown>, changed: ReadonlySet<string>): void {
    void proposed;
    void changed;
  }

  /**
   * Applies values after checking them all (nothing changes if one is refused); returns the
   * real changes, including attributes validateState adjusted. From a front end, an attribute
   * with no trait must keep the JSON kind of its current value.
   */
  protected apply(values: Record<string, unknown>, fromWire = false): Change[] {
    const proposed: Record<string, unknown> = { ...this.state };
    for (const [name, value] of Object.entries(values)) {
      const trait = Object.hasOwn(this.traits, name) ? this.traits[name] : undefined;
      proposed[name] = trait ? trait(name, value) : fromWire ? sameKind(name, value, this.state[name]) : value;
    }
    this.validateState(proposed, new Set(Object.keys(values)));
    const changes: Change[] = [];
    for (const name of Object.keys(proposed)) {
      const old = this.state[name];
      const value = proposed[name];
      if (old === value || sameValue(old, value)) continue;
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
      Object.defineProperty(this, name, {
        get: () => this.state[name],
        set: (value: unknown) => this.set({ [name]: value }),
        enumerable: true,
        configurable: true,
      });
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
    const data = message.data as { method?: unknown; state?: unknown; buffer_paths?: unknown; content?: unknown };
    if (data.method === "update") this.receiveUpdate(data.state, data.buffer_paths, message.buffers);
    else if (data.method === "request_state") this.sendState(this.state, "update");
    else if (data.method === "custom") this.handleCustom(isPlainObject(data.content) ? (data.content as JSONObject) : {}, message.buffers);
  }

  /**
   * An update from a front end, checked as a set from the kernel is, and more: the state must be
   * an object, buffers fit their paths and a size limit, "_" attributes (the model's identity) are
   * read-only, unknown attributes are ignored (as ipywidgets ignores them). The update applies in
   * full or not at all. The front end then hears the state the kernel kept for what it sent (an
   * echo_update, so a clamped or refused value snaps back), observers hear only kept changes, and
   * what was refused is thrown for the kernel to report (it goes on).
   */
  private receiveUpdate(state: unknown, bufferPaths: unknown, buffers: Uint8Array[]): void {
    const who = `${this.spec.model.name.replace(/Model$/, "")} ${this.modelId.slice(0, 8)}`;
    if (!isPlainObject(state))
      throw new TypeError(`${who}: refused a front end's update: invalid state: ${formatValue(state)} (expected an object of attributes)`);
    const keys = Object.keys(state);
    const known = keys.filter((k) => Object.hasOwn(this.state, k));
    const writable = known.filter((k) => !k.startsWith("_"));
    const refused: string[] = [];
    const readOnly = known.filter((k) => k.startsWith("_") && !sameValue(this.state[k], (state as JSONObject)[k]));
    if (readOnly.length > 0) refused.push(`read-only ${readOnly.map((k) => JSON.stringify(k)).join(", ")}`);
    const unknown = keys.filter((k) => !Object.hasOwn(this.state, k));
    if (unknown.length > 0) refused.push(`unknown ${formatValue(unknown)} (ignored)`);
    let changes: Change[] = [];
    try {
      const paths = checkWireBuffers(bufferPaths, buffers, writable);
      const wanted = Object.fromEntries(writable.map((k) => [k, (state as JSONObject)[k]]));
      const values = deserializeState(wanted, buffers, paths, (id) => liveWidgets().get(id));
      changes = this.apply(values, true);
    } catch (error) {
      refused.unshift(error instanceof Error ? error.message : String(error));
    }
    // ipywidgets 8 echoes what it accepted so that every front end converges; echoing the kept
    // value instead of the received one also brings the sender back to it.
    if (known.length > 0) this.sendState(Object.fromEntries(known.map((k) => [k, this.state[k]])), "echo_update");
    const derived = changes.filter((c) => !known.includes(c.name));
    if (derived.length > 0) this.sendState(Object.fromEntries(derived.map((c) => [c.name, c.new])), "update");
    this.notify(changes);
    if (refused.length > 0) throw new RangeError(`${who}: refused a front end's update: ${refused.join("; ")}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isWidget(value)) return "widget";
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "bytes";
  return typeof value;
}

const KIND_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  array: "an array",
  object: "an object",
  widget: "a widget (IPY_MODEL_<id> of a live one)",
  bytes: "bytes",
};

/**
 * A value from a front end for an attribute with no trait: it must have the JSON kind of the
 * current value (a widget for a widget, an array of widgets for one); a null attribute takes a
 * string, a number or a boolean.
 */
function sameKind(name: string, value: unknown, current: unknown): unknown {
  const want = jsonKind(current);
  const got = jsonKind(value);
  const expected = want === "null" ? "null, a string, a number or true or false" : (KIND_NAMES[want] ?? want);
  const ok = want === "null" ? ["null", "string", "number", "boolean"].includes(got) : got === want;
  if (!ok) throw new TypeError(`invalid ${name}: ${formatValue(value)} (expected ${expected})`);
  if (want === "number" && !Number.isFinite(value as number)) throw new RangeError(`invalid ${name}: ${formatValue(value)} (expected a finite number)`);
  if (want === "array" && (current as unknown[]).length > 0 && (current as unknown[]).every(isWidget) && !(value as unknown[]).every(isWidget)) {
    throw new TypeError(`invalid ${name}: ${formatValue(value)} (expected an array of widgets)`);
  }
  return value;
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
  const globals = globalThis as Globals;
  globals[CONTROL] ??= new WeakSet();
  const registered = globals[CONTROL];
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
