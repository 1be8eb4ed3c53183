/**
 * The contract between the kernel and code that runs inside it (cell code, dslab/widgets).
 * The running kernel installs one `KernelApi` with `setKernelApi`; everything else reaches it
 * through `kernelApi()`. Outside a kernel (vitest, plain node) there is none, and callers fall
 * back to plain text.
 */

/** JSON values as they cross the wire. */
export type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };
/** A JSON object. */
export type JSONObject = { [key: string]: JSONValue };

/** A MIME bundle: MIME type -> data (string for text types, JSON for JSON types). */
export type MimeBundle = { [mime: string]: unknown };

/** A message received on a comm. */
export interface CommMessage {
  /** The comm's data payload. */
  data: JSONObject;
  /** Binary buffers that came as extra ZMQ frames. */
  buffers: Uint8Array[];
  /** The message's metadata. */
  metadata: JSONObject;
  /** msg_id of this message (its header), so outputs can be routed to it. */
  msgId: string;
}

/** One end of a comm, in the kernel. */
export interface Comm {
  readonly commId: string;
  readonly targetName: string;
  /** True once closed from either side. */
  readonly closed: boolean;
  /** Sends a comm_msg to the front end. Buffers travel as raw frames. */
  send(data: JSONObject, options?: { buffers?: Uint8Array[]; metadata?: JSONObject }): void;
  /** Sends comm_close and marks the comm closed. */
  close(data?: JSONObject): void;
  /** Handles comm_msg from the front end; the kernel reports a throwing handler on stderr and goes on. */
  onMsg(handler: (msg: CommMessage) => void | Promise<void>): void;
  /** Handles comm_close from the front end. */
  onClose(handler: (msg: CommMessage) => void): void;
}

/** Options for opening a comm from the kernel side. */
export interface OpenCommOptions {
  data?: JSONObject;
  metadata?: JSONObject;
  buffers?: Uint8Array[];
  /** Use this id instead of a fresh UUID. */
  commId?: string;
}

/** Options for display(). */
export interface DisplayOptions {
  /** Names the output so it can be updated later. */
  displayId?: string;
  /** Replace the output named displayId (update_display_data) instead of adding one. */
  update?: boolean;
  metadata?: JSONObject;
}

/** What the running kernel offers to code inside it. */
export interface KernelApi {
  /** Registers a handler for comms the front end opens with this target name. Returns an unregister function. */
  registerCommTarget(targetName: string, handler: (comm: Comm, openMsg: CommMessage) => void): () => void;
  /** Opens a comm from the kernel (iopub comm_open). */
  openComm(targetName: string, options?: OpenCommOptions): Comm;
  /** Sends display_data (or update_display_data) with a MIME bundle. */
  displayBundle(bundle: MimeBundle, options?: DisplayOptions): void;
  /** Sends clear_output. */
  clearOutput(options?: { wait?: boolean }): void;
  /** msg_id of the request whose outputs are being produced now (execute_request or comm_msg), or "". */
  currentParentId(): string;
  /** Runs fn with outputs (streams, display) routed to the given parent message, including its async continuations. */
  withParent<T>(parentMsgId: string, fn: () => T): T;
  /** The MIME bundle the kernel would display for a value (its Jupyter.display bundle, a table, a figure, text). */
  toBundle(value: unknown): MimeBundle;
  /**
   * Runs fn with its outputs (streams, displays, clear_output, including async continuations)
   * sent to `sink` instead of the front end: how an Output widget keeps what a callback printed.
   */
  capture<T>(sink: (output: CapturedOutput) => void, fn: () => T): T;
  /**
   * The traceback to show for an error a callback raised after its cell ran (a widget's function):
   * lines in cells as `In[N]:LINE:COL`, the kernel's and the widgets' own frames left out.
   * Optional: without it, the error's stack is shown as it is.
   */
  errorTraceback?(error: unknown): string[];
  /**
   * Asks the front end's user for a line of text (input_request on the stdin channel) and resolves
   * with the answer. Rejects with a StdinNotImplementedError where nobody can answer: a front end
   * that sent allow_stdin: false (nbconvert, `dslab run`), or a call from outside a running cell.
   * Optional: a kernel without a stdin channel (a handout page) has none.
   */
  input?(prompt: string, options?: { password?: boolean }): Promise<string>;
}

/** An output captured by KernelApi.capture, in nbformat's shape (or a clear request). */
export type CapturedOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | { output_type: "display_data"; data: MimeBundle; metadata: JSONObject }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] }
  | { output_type: "clear_output"; wait: boolean };

const KEY = Symbol.for("dslab.kernel.api");
type Holder = { [KEY]?: KernelApi };

/** The running kernel's API, or undefined outside a kernel. */
export function kernelApi(): KernelApi | undefined {
  return (globalThis as Holder)[KEY];
}

/** Installs (or with undefined removes) the kernel API; called by the kernel at start-up and by tests. */
export function setKernelApi(api: KernelApi | undefined): void {
  // A global symbol, not module state: cell code may load a second copy of this module through another path.
  (globalThis as Holder)[KEY] = api;
}
