import { AsyncLocalStorage } from "node:async_hooks";
import type { CapturedOutput } from "../api";
import type { JupyterMessage } from "../wire";

/**
 * Which request the current code is producing output for. Code started by an execute_request
 * or a comm_msg runs inside `runWithParent`, and its callbacks (timers, promises) inherit it,
 * so a print from a setTimeout lands under the cell that started it, as in ipykernel.
 */
export interface OutputContext {
  /** The request whose outputs are being produced, or the last execute_request. */
  current(): JupyterMessage<unknown> | undefined;
  /** The request in whose async context the caller runs, if any (no fallback). */
  scoped(): JupyterMessage<unknown> | undefined;
  runWithParent<T>(parent: JupyterMessage<unknown>, fn: () => T): T;
  /** Where outputs of the current async context go instead of iopub, if an Output widget captures them. */
  sink(): ((output: CapturedOutput) => void) | undefined;
  runWithSink<T>(sink: (output: CapturedOutput) => void, fn: () => T): T;
  /** The fallback for output with no request in its async context (e.g. a timer started before any). */
  setDefault(parent: JupyterMessage<unknown>): void;
  /** Finds a request by msg_id among those seen recently (for withParent by id). */
  byId(msgId: string): JupyterMessage<unknown> | undefined;
}

/** Creates the output context. */
export function createOutputContext(): OutputContext {
  const storage = new AsyncLocalStorage<JupyterMessage<unknown>>();
  const sinks = new AsyncLocalStorage<((output: CapturedOutput) => void) | undefined>();
  let fallback: JupyterMessage<unknown> | undefined;
  const recent = new Map<string, JupyterMessage<unknown>>();
  const remember = (parent: JupyterMessage<unknown>) => {
    recent.set(parent.header.msg_id, parent);
    // Bounded: only recent requests can be the target of withParent.
    if (recent.size > 1000) recent.delete(recent.keys().next().value as string);
  };
  return {
    current: () => storage.getStore() ?? fallback,
    scoped: () => storage.getStore(),
    runWithParent(parent, fn) {
      remember(parent);
      // A new request starts uncaptured, even if it was started from inside a capture.
      return storage.run(parent, () => sinks.run(undefined, fn));
    },
    sink: () => sinks.getStore(),
    runWithSink: (sink, fn) => sinks.run(sink, fn),
    setDefault(parent) {
      remember(parent);
      fallback = parent;
    },
    byId: (msgId) => recent.get(msgId),
  };
}
