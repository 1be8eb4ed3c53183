import { inspect } from "node:util";
import type { CommMessage, JSONObject, KernelApi, MimeBundle } from "../api";
import { newMessage, type JupyterMessage } from "../wire";
import { bufferPathsProblem } from "./buffer-paths";
import { cellSourceMaps } from "./cell-source-maps";
import type { CellTimers } from "./cell-timers";
import type { CodeRunner } from "./code-runner";
import { codePointPosition, utf16Offset } from "./code-points";
import { CommRegistry } from "./comms";
import { toMimeBundle } from "./display-bundle";
import { heapAlarmError } from "./heap-alarm";
import { History, type HistoryRequest } from "./history";
import { InputRequests } from "./input-requests";
import { createOutputContext } from "./output-context";
import { createPlotlyHtml } from "./plotly-html";
import { createStreamBatcher, type StreamBatcher, type StreamBatcherOptions } from "./stream-batcher";
import { callbackTraceback } from "./tracebacks";

/** The channels a kernel sends on. */
export type SendChannel = "shell" | "control" | "iopub" | "stdin";

/** Where the handler's messages go: the ZMQ sockets, or a recording fake in tests. */
export interface Transport {
  send(channel: SendChannel, message: JupyterMessage<unknown>): void;
  /** Bytes of iopub messages not yet handed to the socket (bounds batched stream output). Defaults to 0. */
  iopubBacklog?(): number;
  /** Resolves once every shell request the socket has already received has been delivered to the handler. */
  drainShell?(): Promise<void>;
  /** If the heap guard stopped the running cell since the last call, the heap used and its limit (see heap-guard.ts). */
  heapAlarm?(): { usedMb: number; limitMb: number } | undefined;
}

/** Options for KernelHandler. */
export interface KernelHandlerOptions {
  /** This kernel's session id. */
  session: string;
  /** Called after a shutdown_request has been answered. */
  onShutdown?: (restart: boolean) => void;
  /** Where the kernel logs its own problems. Defaults to the process's stderr. */
  log?: (text: string) => void;
  /** Silences the timers of an interrupted request (see cell-timers.ts). Defaults to none. */
  timers?: CellTimers;
  /** How stream output is batched (see stream-batcher.ts); the defaults suit a kernel. */
  streams?: Pick<StreamBatcherOptions<unknown>, "flushIntervalMs" | "maxMessageChars" | "maxPendingChars">;
}

const IMPLEMENTATION_VERSION = "0.1.0";

/**
 * The Jupyter protocol handler: takes decoded requests, runs them, and emits replies and iopub
 * messages through a Transport. It knows nothing of ZMQ (kept apart as tslab does).
 */
export class KernelHandler {
  readonly comms: CommRegistry;
  readonly output = createOutputContext();
  private readonly history = new History();
  private executionCount = 0;
  private shellQueue: Promise<void> = Promise.resolve();
  /** Shell requests received so far; each is numbered in arrival order. */
  private received = 0;
  /** Execute requests numbered up to this one are answered "aborted" (queued behind an error with stop_on_error). */
  private abortThrough = 0;
  private readonly plotlyHtml = createPlotlyHtml(() => cellIdOf(this.output.current()));
  private readonly log: (text: string) => void;
  private readonly streams: StreamBatcher<JupyterMessage<unknown>>;
  private closed = false;
  /** msg_id of the execute_request running now. */
  private running: string | undefined;
  private readonly inputs: InputRequests;

  constructor(
    private readonly runner: CodeRunner,
    private readonly transport: Transport,
    private readonly options: KernelHandlerOptions,
  ) {
    this.log = options.log ?? ((text) => process.stderr.write(text));
    this.streams = createStreamBatcher({
      ...options.streams,
      send: (parent, name, text) => this.publish("stream", { name, text }, parent),
      backlog: () => transport.iopubBacklog?.() ?? 0,
    });
    this.inputs = new InputRequests((parent, content) => {
      // The prompt follows what the cell printed before it.
      this.streams.flush();
      if (!this.closed) transport.send("stdin", newMessage("input_request", options.session, content, { parent }));
    });
    this.comms = new CommRegistry({
      send: (msgType, content, { buffers, metadata }) => this.iopub(msgType, content, this.output.current(), { buffers, metadata }),
      report: (error, where) => this.reportHandlerError(error, where),
    });
  }

  /** Handles one request; shell requests run one at a time, in arrival order. */
  handle(channel: "shell" | "control" | "stdin", message: JupyterMessage): Promise<void> {
    // An input_reply answers the cell that is running: it cannot wait behind it in the shell queue.
    if (channel === "stdin") {
      if (!this.inputs.answer(message)) this.log(`dslab kernel: ignoring ${message.header.msg_type} on stdin: no input() is waiting\n`);
      return Promise.resolve();
    }
    if (channel === "control") return this.dispatch(channel, message);
    const seq = ++this.received;
    const run = this.shellQueue.then(() => this.dispatch(channel, message, seq));
    this.shellQueue = run.catch(() => undefined);
    return run;
  }

  /** The KernelApi that cell code and dslab/widgets reach through kernelApi(). */
  api(): KernelApi {
    return {
      registerCommTarget: (target, handler) => this.comms.registerTarget(target, handler),
      openComm: (target, options) => this.comms.open(target, options),
      displayBundle: (bundle, options = {}) => {
        const sink = this.output.sink();
        if (sink && !options.update) return sink({ output_type: "display_data", data: bundle, metadata: (options.metadata ?? {}) as JSONObject });
        const transient = options.displayId ? { display_id: options.displayId } : {};
        this.iopub(
          options.update ? "update_display_data" : "display_data",
          { data: bundle, metadata: options.metadata ?? {}, transient },
          this.output.current(),
        );
      },
      clearOutput: (options = {}) => {
        const sink = this.output.sink();
        if (sink) return sink({ output_type: "clear_output", wait: options.wait ?? false });
        this.iopub("clear_output", { wait: options.wait ?? false }, this.output.current());
      },
      currentParentId: () => this.output.current()?.header.msg_id ?? "",
      withParent: (msgId, fn) => this.output.runWithParent(this.output.byId(msgId) ?? syntheticParent(msgId, this.options.session), fn),
      toBundle: (value) => this.toBundle(value),
      capture: (sink, fn) => this.output.runWithSink(sink, fn),
      errorTraceback: (error) => callbackTraceback(error),
      input: (prompt, options) => this.inputs.ask(this.output.current(), this.running, prompt, options?.password ?? false),
    };
  }

  /** The MIME bundle for a value. */
  toBundle(value: unknown): MimeBundle {
    return toMimeBundle(value, { plotlyHtml: this.plotlyHtml });
  }

  /** Sends a stream message for text written to stdout or stderr, under the current request. */
  writeStream(name: "stdout" | "stderr", text: string): boolean {
    const sink = this.output.sink();
    if (sink) {
      sink({ output_type: "stream", name, text });
      return true;
    }
    const parent = this.output.current();
    if (!parent) return false;
    this.streams.write(parent, name, text);
    return true;
  }

  /** Interrupts the running cell: its timers are silenced (its async work stops) and its await rejected. */
  interrupt(): void {
    if (this.running) this.options.timers?.cancel(this.running);
    this.inputs.interrupt();
    this.runner.interrupt();
  }

  /** Sends the output gathered so far, then nothing more: the kernel is exiting. */
  close(): void {
    this.streams.flush();
    this.closed = true;
  }

  /** Sends the stream output gathered so far. */
  flushStreams(): void {
    this.streams.flush();
  }

  private async dispatch(channel: "shell" | "control", request: JupyterMessage, seq = 0): Promise<void> {
    const replied = { sent: false };
    try {
      this.iopub("status", { execution_state: "busy" }, request);
      await this.reply(channel, request, seq, replied);
    } catch (error) {
      this.log(`dslab kernel: error handling ${request.header.msg_type}: ${inspect(error)}\n`);
      // A request is always answered: a front end waiting for its reply would hang (a cell stays busy).
      if (!replied.sent) this.replyWithError(channel, request, error);
    } finally {
      try {
        this.iopub("status", { execution_state: "idle" }, request);
      } catch (error) {
        this.log(`dslab kernel: could not send the idle status: ${inspect(error)}\n`);
      }
    }
  }

  /** `<type>_reply` with status "error" for a request whose handling threw. */
  private replyWithError(channel: "shell" | "control", request: JupyterMessage, error: unknown): void {
    const type = request.header.msg_type;
    if (!type.endsWith("_request") || this.closed) return;
    const ename = error instanceof Error ? error.name : "Error";
    const evalue = error instanceof Error ? error.message : String(error);
    const content: Record<string, unknown> = { status: "error", ename, evalue, traceback: [`${ename}: ${evalue}`, `(in the dslab kernel, handling ${type})`] };
    if (type === "execute_request") content.execution_count = this.executionCount;
    try {
      this.transport.send(
        channel,
        newMessage(`${type.slice(0, -"_request".length)}_reply`, this.options.session, content, { parent: request, metadata: { status: "error" } }),
      );
    } catch (again) {
      this.log(`dslab kernel: could not send an error reply to ${type}: ${inspect(again)}\n`);
    }
  }

  private async reply(channel: "shell" | "control", request: JupyterMessage, seq: number, replied: { sent: boolean }): Promise<void> {
    const content = request.content as Record<string, unknown>;
    const send = (msgType: string, replyContent: Record<string, unknown>, metadata: Record<string, unknown> = {}) => {
      // A reply follows the outputs of its request, as ipykernel flushes stdout before replying.
      this.streams.flush();
      const message = newMessage(msgType, this.options.session, replyContent, { parent: request, metadata });
      replied.sent = true;
      if (!this.closed) this.transport.send(channel, message);
    };
    switch (request.header.msg_type) {
      case "kernel_info_request":
        return send("kernel_info_reply", kernelInfo(this.runner.typescriptVersion));
      case "execute_request":
        return this.execute(request, send, seq);
      case "complete_request": {
        // Positions on the wire count code points; the runner counts UTF-16 units. A missing or
        // out-of-range cursor_pos means the end of the code, as ipykernel takes it.
        const code = String(content.code ?? "");
        const { matches, cursor_start, cursor_end } = this.runner.complete(code, utf16Offset(code, content.cursor_pos));
        return send("complete_reply", {
          status: "ok",
          matches,
          cursor_start: codePointPosition(code, cursor_start),
          cursor_end: codePointPosition(code, cursor_end),
          metadata: {},
        });
      }
      case "inspect_request": {
        const code = String(content.code ?? "");
        const text = this.runner.inspect(code, utf16Offset(code, content.cursor_pos));
        return send("inspect_reply", { status: "ok", found: text !== undefined, data: text === undefined ? {} : { "text/plain": text }, metadata: {} });
      }
      case "is_complete_request":
        return send("is_complete_reply", this.runner.isComplete(String(content.code ?? "")));
      case "history_request":
        return send("history_reply", { status: "ok", history: this.history.query(content as HistoryRequest) });
      case "comm_info_request": {
        const target = typeof content.target_name === "string" ? content.target_name : undefined;
        return send("comm_info_reply", { status: "ok", comms: this.comms.info(target) });
      }
      case "comm_open":
      case "comm_msg":
      case "comm_close":
        return this.output.runWithParent(request, () => this.comm(request));
      case "interrupt_request":
        this.interrupt();
        return send("interrupt_reply", { status: "ok" });
      case "shutdown_request": {
        const restart = content.restart === true;
        send("shutdown_reply", { status: "ok", restart });
        this.options.onShutdown?.(restart);
        return;
      }
      default:
        this.log(`dslab kernel: ignoring unknown ${request.header.msg_type} on ${channel}\n`);
    }
  }

  private async execute(
    request: JupyterMessage,
    send: (msgType: string, content: Record<string, unknown>, metadata?: Record<string, unknown>) => void,
    seq: number,
  ): Promise<void> {
    if (seq > 0 && seq <= this.abortThrough) return send("execute_reply", { status: "aborted" }, { status: "aborted" });
    const content = request.content as { code?: unknown; silent?: unknown; store_history?: unknown; stop_on_error?: unknown; user_expressions?: unknown };
    const code = typeof content.code === "string" ? content.code : "";
    const silent = content.silent === true;
    const storeHistory = content.store_history !== false && !silent;
    if (storeHistory) this.executionCount++;
    const count = this.executionCount;
    if (!silent) this.iopub("execute_input", { code, execution_count: count }, request);
    const { deletedCells } = request.metadata as { deletedCells?: unknown };
    this.plotlyHtml.cellStarted(cellIdOf(request), Array.isArray(deletedCells) ? deletedCells.filter((c): c is string => typeof c === "string") : []);
    this.output.setDefault(request);
    // An alarm raised between cells (a timer's allocation) belongs to no cell.
    this.transport.heapAlarm?.();
    this.running = request.header.msg_id;
    const result = await this.output
      .runWithParent(request, () => this.runner.execute(code, storeHistory ? count : undefined))
      .finally(() => {
        this.running = undefined;
      });
    if (result.status === "error") {
      const heap = this.transport.heapAlarm?.();
      const error = heap ? memoryError(heap, result.traceback) : { ename: result.ename, evalue: result.evalue, traceback: result.traceback };
      this.iopub("error", error, request);
      if (storeHistory) this.history.add(count, code);
      // An interrupted cell ends here too, so an interrupt stops a Run All as an error does.
      if (!silent && content.stop_on_error !== false) await this.abortQueue();
      return send("execute_reply", { status: "error", execution_count: count, ...error }, { status: "error" });
    }
    let text: string | undefined;
    if (result.hasValue && !silent) {
      const bundle = this.safeBundle(result.value);
      text = typeof bundle["text/plain"] === "string" ? bundle["text/plain"] : undefined;
      this.iopub("execute_result", { execution_count: count, data: bundle, metadata: {} }, request);
    }
    if (storeHistory) this.history.add(count, code, text);
    const userExpressions = await this.evaluateUserExpressions(content.user_expressions, request);
    send("execute_reply", { status: "ok", execution_count: count, user_expressions: userExpressions, payload: [] }, { status: "ok" });
  }

  /**
   * As ipykernel's _abort_queues: every execute_request already received (queued behind this one,
   * or still waiting in the socket) will be answered "aborted", so a front end's Run All stops at
   * the error. Done before the error reply leaves: whatever arrives before it was sent without
   * knowing of the error, and whatever arrives after it runs as usual.
   */
  private async abortQueue(): Promise<void> {
    await this.transport.drainShell?.();
    this.abortThrough = this.received;
  }

  /**
   * user_expressions of an execute_request, evaluated after the cell (only if it succeeded, as
   * ipykernel does): each name maps to { status: "ok", data, metadata } with the value's MIME
   * bundle, or to { status: "error", ename, evalue, traceback }.
   */
  private async evaluateUserExpressions(expressions: unknown, request: JupyterMessage): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    if (!expressions || typeof expressions !== "object" || Array.isArray(expressions)) return out;
    for (const [name, expression] of Object.entries(expressions)) {
      if (typeof expression !== "string") {
        out[name] = { status: "error", ename: "TypeError", evalue: `user expression ${name} is not a string`, traceback: [] };
        continue;
      }
      const result = await this.output.runWithParent(request, () => this.runner.execute(expression));
      out[name] =
        result.status === "ok"
          ? { status: "ok", data: result.hasValue ? this.safeBundle(result.value) : { "text/plain": "undefined" }, metadata: {} }
          : { status: "error", ename: result.ename, evalue: result.evalue, traceback: result.traceback };
    }
    return out;
  }

  private safeBundle(value: unknown): MimeBundle {
    try {
      return this.toBundle(value);
    } catch (error) {
      return { "text/plain": `(display failed: ${(error as Error).message})` };
    }
  }

  private comm(request: JupyterMessage): void | Promise<void> {
    const content = request.content as { comm_id?: unknown; target_name?: unknown; data?: unknown };
    const message: CommMessage = {
      data: (content.data && typeof content.data === "object" ? content.data : {}) as JSONObject,
      buffers: request.buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
      metadata: request.metadata as JSONObject,
      msgId: request.header.msg_id,
    };
    const paths = (message.data as { buffer_paths?: unknown }).buffer_paths;
    const problem = paths === undefined ? undefined : bufferPathsProblem(paths, message.buffers.length);
    if (problem) {
      this.log(`dslab kernel: refused a ${request.header.msg_type} for comm ${String(content.comm_id)}: ${problem}\n`);
      return;
    }
    if (request.header.msg_type === "comm_open") return this.comms.handleOpen(content, message);
    if (request.header.msg_type === "comm_msg") return this.comms.handleMsg(content, message);
    return this.comms.handleClose(content, message);
  }

  private reportHandlerError(error: unknown, where: string): void {
    const text = `Error in ${where}: ${error instanceof Error ? (error.stack ? cellSourceMaps.rewriteStack(error.stack) : error.message) : inspect(error)}\n`;
    this.log(text);
    this.writeStream("stderr", text);
  }

  private iopub(
    msgType: string,
    content: Record<string, unknown>,
    parent: JupyterMessage<unknown> | undefined,
    extra: { buffers?: Uint8Array[]; metadata?: JSONObject } = {},
  ): void {
    // Gathered stream text was written before this message: it goes first.
    this.streams.flush();
    this.publish(msgType, content, parent, extra);
  }

  private publish(
    msgType: string,
    content: Record<string, unknown>,
    parent: JupyterMessage<unknown> | undefined,
    extra: { buffers?: Uint8Array[]; metadata?: JSONObject } = {},
  ): void {
    if (this.closed) return;
    const message = newMessage(msgType, this.options.session, content, {
      parent,
      identities: [Buffer.from(iopubTopic(msgType, content))],
      metadata: extra.metadata ?? {},
      buffers: (extra.buffers ?? []).map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
    });
    this.transport.send("iopub", message);
  }
}

/** The error of a cell the heap guard stopped: why first, then where it was when stopped. */
function memoryError(heap: { usedMb: number; limitMb: number }, traceback: string[]): { ename: string; evalue: string; traceback: string[] } {
  const { ename, evalue } = heapAlarmError(heap);
  return { ename, evalue, traceback: [`${ename}: ${evalue}`, ...traceback.slice(1)] };
}

/** IOPub topics as ipykernel names them ("kernel.<id>.<type>", "stream.stdout"); subscribers take all. */
function iopubTopic(msgType: string, content: Record<string, unknown>): string {
  return msgType === "stream" ? `stream.${String(content.name)}` : `kernel.${msgType}`;
}

/** The notebook cell a request runs (JupyterLab's metadata.cellId on execute_request), if known. */
function cellIdOf(request: JupyterMessage<unknown> | undefined): string | undefined {
  const id = (request?.metadata as { cellId?: unknown } | undefined)?.cellId;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function syntheticParent(msgId: string, session: string): JupyterMessage<unknown> {
  return {
    identities: [],
    header: { msg_id: msgId, msg_type: "comm_msg", session, username: "dslab", date: new Date().toISOString(), version: "5.3" },
    parent_header: {},
    metadata: {},
    content: {},
    buffers: [],
  };
}

/** kernel_info_reply content; `typescriptVersion` is that of the compiler that type-checks cells. */
export function kernelInfo(typescriptVersion = "unknown"): Record<string, unknown> {
  return {
    status: "ok",
    protocol_version: "5.3",
    implementation: "dslab",
    implementation_version: IMPLEMENTATION_VERSION,
    language_info: {
      name: "typescript",
      version: typescriptVersion,
      mimetype: "text/typescript",
      file_extension: ".ts",
      codemirror_mode: { name: "javascript", typescript: true },
      pygments_lexer: "typescript",
    },
    banner: `dslab kernel ${IMPLEMENTATION_VERSION}: TypeScript on Node.js ${process.versions.node}, built on tslab`,
    help_links: [],
  };
}
