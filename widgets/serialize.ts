import type { JSONObject, JSONValue } from "../kernel-ext/api";
import { formatValue } from "../src/validate";

/** The most bytes of buffers one update from a front end may carry (16 MiB); more is refused unread. */
export const MAX_UPDATE_BUFFER_BYTES = 16 * 1024 * 1024;

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A widget as the serializer sees it: something with a model id. */
export interface ModelRef {
  readonly modelId: string;
}

/** A path into a state object: keys and array indices. */
export type BufferPath = (string | number)[];

function isBinary(value: unknown): value is ArrayBufferView | ArrayBuffer {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

/**
 * Turns widget state into wire form: widgets become "IPY_MODEL_<id>" strings (as ipywidgets
 * serializes Instance traits), and binary values are lifted out as buffers with their paths.
 */
export function serializeState(
  state: Record<string, unknown>,
  isWidget: (v: unknown) => v is ModelRef,
): { state: JSONObject; buffers: Uint8Array[]; buffer_paths: BufferPath[] } {
  const buffers: Uint8Array[] = [];
  const paths: BufferPath[] = [];
  const walk = (value: unknown, path: BufferPath): JSONValue => {
    if (isWidget(value)) return `IPY_MODEL_${value.modelId}`;
    if (isBinary(value)) {
      buffers.push(value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      paths.push(path);
      return null;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === "object") {
      const out: JSONObject = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = walk(v, [...path, k]);
      return out;
    }
    return value === undefined ? null : (value as JSONValue);
  };
  const out: JSONObject = {};
  for (const [key, value] of Object.entries(state)) out[key] = walk(value, [key]);
  return { state: out, buffers, buffer_paths: paths };
}

/**
 * Checks the buffer_paths of an update from a front end against its buffers: an array of
 * paths, one per buffer, each into one of the attributes being set (no prototype keys), and at
 * most MAX_UPDATE_BUFFER_BYTES in all. Returns the paths; throws naming what is wrong.
 */
export function checkWireBuffers(paths: unknown, buffers: readonly Uint8Array[], attributes: readonly string[]): BufferPath[] {
  const bytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  if (bytes > MAX_UPDATE_BUFFER_BYTES) throw new RangeError(`invalid buffers: ${bytes} bytes (expected at most ${MAX_UPDATE_BUFFER_BYTES})`);
  if (paths === undefined || paths === null) paths = [];
  const expected = `one path per buffer (${buffers.length}), each a list of keys and indices into ${formatValue(attributes)}`;
  if (!Array.isArray(paths) || paths.length !== buffers.length) throw new TypeError(`invalid buffer_paths: ${formatValue(paths)} (expected ${expected})`);
  for (const path of paths) {
    const ok =
      Array.isArray(path) &&
      path.length > 0 &&
      attributes.includes(path[0] as string) &&
      path.every((k) => (typeof k === "string" && !UNSAFE_KEYS.has(k)) || (Number.isInteger(k) && (k as number) >= 0));
    if (!ok) throw new TypeError(`invalid buffer_paths: ${formatValue(paths)} (expected ${expected})`);
  }
  return paths as BufferPath[];
}

/** Puts buffers back at their paths and resolves "IPY_MODEL_<id>" strings to live widgets. */
export function deserializeState(state: JSONObject, buffers: Uint8Array[], paths: BufferPath[], lookup: (id: string) => unknown): Record<string, unknown> {
  const copy = structuredClone(state) as Record<string, unknown>;
  paths.forEach((path, i) => {
    let target: unknown = copy;
    for (const key of path.slice(0, -1)) {
      target = target !== null && typeof target === "object" && Object.hasOwn(target, key) ? (target as Record<string | number, unknown>)[key] : undefined;
    }
    const last = path[path.length - 1];
    if (target === null || typeof target !== "object" || UNSAFE_KEYS.has(String(last)))
      throw new TypeError(`invalid buffer_paths: ${formatValue(path)} (expected a path into the state)`);
    if (buffers[i]) (target as Record<string | number, unknown>)[last] = buffers[i];
  });
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("IPY_MODEL_")) return lookup(value.slice("IPY_MODEL_".length)) ?? value;
    if (Array.isArray(value)) return value.map(resolve);
    return value;
  };
  for (const key of Object.keys(copy)) copy[key] = resolve(copy[key]);
  return copy;
}
