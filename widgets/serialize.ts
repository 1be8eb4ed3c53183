import type { JSONObject, JSONValue } from "../kernel-ext/api";

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
export function serializeState(state: Record<string, unknown>, isWidget: (v: unknown) => v is ModelRef): { state: JSONObject; buffers: Uint8Array[]; buffer_paths: BufferPath[] } {
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

/** Puts buffers back at their paths and resolves "IPY_MODEL_<id>" strings to live widgets. */
export function deserializeState(state: JSONObject, buffers: Uint8Array[], paths: BufferPath[], lookup: (id: string) => unknown): Record<string, unknown> {
  const copy = structuredClone(state) as Record<string, unknown>;
  paths.forEach((path, i) => {
    let target = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    if (target && buffers[i]) target[path[path.length - 1]] = buffers[i];
  });
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("IPY_MODEL_")) return lookup(value.slice("IPY_MODEL_".length)) ?? value;
    if (Array.isArray(value)) return value.map(resolve);
    return value;
  };
  for (const key of Object.keys(copy)) copy[key] = resolve(copy[key]);
  return copy;
}
