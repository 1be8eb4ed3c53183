import { setKernelApi, type CapturedOutput, type Comm, type CommMessage, type JSONObject, type KernelApi, type MimeBundle } from "../../kernel-ext/api";

/** One message a widget sent, as the wire would carry it. */
export interface Sent {
  type: "comm_open" | "comm_msg" | "comm_close" | "display_data";
  commId?: string;
  target?: string;
  data: unknown;
  metadata?: JSONObject;
  buffers?: Uint8Array[];
}

/** A recording fake kernel: installs itself as the kernel API and records every message widgets send. */
export function installFakeKernel() {
  const sent: Sent[] = [];
  const handlers = new Map<string, (msg: CommMessage) => void | Promise<void>>();
  const targets = new Map<string, (comm: Comm, open: CommMessage) => void>();
  let sink: ((o: CapturedOutput) => void) | undefined;
  const makeComm = (commId: string, targetName: string): Comm => {
    let closed = false;
    return {
      commId,
      targetName,
      get closed() {
        return closed;
      },
      send: (data, options = {}) => void sent.push({ type: "comm_msg", commId, data, buffers: options.buffers ?? [] }),
      close: () => {
        closed = true;
        sent.push({ type: "comm_close", commId, data: {} });
      },
      onMsg: (fn) => void handlers.set(commId, fn),
      onClose: () => undefined,
    };
  };
  const api: KernelApi = {
    registerCommTarget: (name, fn) => {
      targets.set(name, fn);
      return () => targets.delete(name);
    },
    openComm: (target, options = {}) => {
      const id = options.commId ?? String(sent.length);
      sent.push({ type: "comm_open", commId: id, target, data: options.data, metadata: options.metadata, buffers: options.buffers ?? [] });
      return makeComm(id, target);
    },
    displayBundle: (bundle: MimeBundle) => {
      if (sink) sink({ output_type: "display_data", data: bundle, metadata: {} });
      else sent.push({ type: "display_data", data: bundle });
    },
    clearOutput: () => undefined,
    currentParentId: () => "parent-1",
    withParent: (_id, fn) => fn(),
    toBundle: (value) => {
      const own = (value as { [k: symbol]: () => MimeBundle })?.[Symbol.for("Jupyter.display")];
      return typeof own === "function" ? own.call(value) : { "text/plain": String(value) };
    },
    capture: (s, fn) => {
      const previous = sink;
      sink = s;
      try {
        return fn();
      } finally {
        sink = previous;
      }
    },
  };
  setKernelApi(api);
  return {
    sent,
    api,
    /** Delivers a comm_msg from the "front end". */
    async receive(commId: string, data: JSONObject, buffers: Uint8Array[] = []) {
      await handlers.get(commId)?.({ data, buffers, metadata: {}, msgId: "m-1" });
    },
    /** Opens a comm from the "front end" on a registered target. */
    open(target: string, commId: string) {
      const comm = makeComm(commId, target);
      targets.get(target)?.(comm, { data: {}, buffers: [], metadata: {}, msgId: "o-1" });
      return comm;
    },
    uninstall: () => setKernelApi(undefined),
  };
}
