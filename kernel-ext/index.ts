import { kernelApi, type DisplayOptions } from "./api";
import { rawMimeBundle } from "./kernel/raw-mime-bundle";

export type { CapturedOutput, Comm, CommMessage, DisplayOptions, JSONObject, JSONValue, KernelApi, MimeBundle, OpenCommOptions } from "./api";
export { kernelApi } from "./api";

/**
 * Shows a value in the cell's output: its [Symbol.for("Jupyter.display")]() bundle, an arquero
 * table as HTML, a plotly figure, else text. With displayId, a later display(value,
 * { displayId, update: true }) replaces it. With `raw: true` the value is the MIME bundle itself:
 * `display({ "text/html": "<b>hi</b>", "text/plain": "hi" }, { raw: true })`. Outside a kernel
 * it prints the value.
 */
export function display(value: unknown, options: DisplayOptions & { raw?: boolean } = {}): void {
  const bundle = options.raw ? rawMimeBundle(value) : undefined;
  const api = kernelApi();
  if (!api) {
    console.log(value);
    return;
  }
  const { raw: _raw, ...rest } = options;
  api.displayBundle(bundle ?? api.toBundle(value), rest);
}

/** Clears the cell's output; with wait, only when the next output arrives (no flicker). */
export function clearOutput(options: { wait?: boolean } = {}): void {
  kernelApi()?.clearOutput(options);
}

/** Registers a handler for comms the front end opens with this target name; returns an unregister function. */
export function registerCommTarget(...args: Parameters<NonNullable<ReturnType<typeof kernelApi>>["registerCommTarget"]>): () => void {
  const api = kernelApi();
  if (!api) throw new Error("registerCommTarget needs a running dslab kernel");
  return api.registerCommTarget(...args);
}

/** Opens a comm to the front end. */
export function openComm(
  ...args: Parameters<NonNullable<ReturnType<typeof kernelApi>>["openComm"]>
): ReturnType<NonNullable<ReturnType<typeof kernelApi>>["openComm"]> {
  const api = kernelApi();
  if (!api) throw new Error("openComm needs a running dslab kernel");
  return api.openComm(...args);
}

/**
 * Asks for a line of text and resolves with it: in a notebook the front end shows a text box
 * under the cell (Jupyter's input_request; with `password: true` the typing is hidden). Cells that
 * no one answers (nbconvert, `dslab run`) get a StdinNotImplementedError, as Python's input() in
 * ipykernel does; so do a handout page and code outside a kernel.
 *
 *     const name = await input("Your name: ");
 */
export async function input(prompt = "", options: { password?: boolean } = {}): Promise<string> {
  const api = kernelApi();
  if (api?.input) return api.input(prompt, options);
  const error = new Error(api ? "input: this kernel cannot ask for text (a handout page has no one to answer)" : "input needs a running dslab kernel");
  error.name = "StdinNotImplementedError";
  throw error;
}
