import type { MimeBundle } from "../api";

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/**
 * A value given as a MIME bundle itself (IPython's display(..., raw=True), Deno's { raw: true }),
 * checked: a plain object of one or more MIME types ("text/html") mapped to their data, text types
 * to strings. Throws a TypeError naming what is wrong.
 */
export function rawMimeBundle(value: unknown): MimeBundle {
  const expected = '(expected an object mapping MIME types to data, e.g. { "text/html": "<b>hi</b>" })';
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new TypeError(`invalid raw bundle: ${String(value)} ${expected}`);
  const entries = Object.entries(value);
  if (entries.length === 0) throw new TypeError(`invalid raw bundle: {} ${expected}`);
  for (const [mime, data] of entries) {
    if (!MIME_TYPE.test(mime)) throw new TypeError(`invalid raw bundle key: ${JSON.stringify(mime)} ${expected}`);
    if (mime.startsWith("text/") && typeof data !== "string") throw new TypeError(`invalid raw bundle value for ${mime}: ${typeof data} (expected a string)`);
    if (data === undefined) throw new TypeError(`invalid raw bundle value for ${mime}: undefined (expected data)`);
  }
  return { ...(value as MimeBundle) };
}
