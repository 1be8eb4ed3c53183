import type { Output } from "../notebook/nbformat";
import type { JupyterMessage } from "../wire";
import type { KernelClient } from "./kernel-client";

/** The result of executing one cell. */
export interface CellExecution {
  status: "ok" | "error" | "aborted" | "timeout" | "dead";
  executionCount: number | null;
  outputs: Output[];
  /** The execute_reply, if one came. */
  reply?: JupyterMessage;
}

/** Options for executeCell. */
export interface ExecuteOptions {
  /** Give up (after interrupting the kernel) after this many milliseconds. Defaults to 120,000. */
  timeoutMs?: number;
  /** Sees every iopub message of the run (comm traffic included), e.g. to track widget state. */
  onIopub?: (message: JupyterMessage) => void;
  /** The notebook cell's id, sent as metadata.cellId as JupyterLab does. */
  cellId?: string;
  /** Applies update_display_data to outputs of earlier cells (a notebook-wide display_id). */
  onUpdateDisplay?: (displayId: string, data: Record<string, unknown>, metadata: Record<string, unknown>) => void;
}

/**
 * Runs code on the kernel and collects its outputs in nbformat shape: consecutive stream text
 * merged, display updates applied by display_id, clear_output honoured (with wait, at the next output).
 */
export async function executeCell(client: KernelClient, code: string, options: ExecuteOptions = {}): Promise<CellExecution> {
  const { timeoutMs = 120_000 } = options;
  const outputs: Output[] = [];
  const displayIds = new Map<string, number[]>();
  let clearPending = false;
  let executionCount: number | null = null;
  let msgId = "";
  let idle!: () => void;
  const idleSeen = new Promise<void>((resolve) => (idle = resolve));
  const early: JupyterMessage[] = [];
  const add = (output: Output, displayId?: string) => {
    if (clearPending) {
      outputs.length = 0;
      displayIds.clear();
      clearPending = false;
    }
    const last = outputs[outputs.length - 1];
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      last.text = String(last.text) + String(output.text);
      return;
    }
    outputs.push(output);
    if (displayId) displayIds.set(displayId, [...(displayIds.get(displayId) ?? []), outputs.length - 1]);
  };
  const handle = (message: JupyterMessage) => {
    options.onIopub?.(message);
    const content = message.content as Record<string, unknown>;
    const transient = (content.transient ?? {}) as { display_id?: string };
    switch (message.header.msg_type) {
      case "stream":
        return add({ output_type: "stream", name: content.name === "stderr" ? "stderr" : "stdout", text: String(content.text ?? "") });
      case "display_data":
        return add(
          { output_type: "display_data", data: content.data as Record<string, unknown>, metadata: (content.metadata ?? {}) as Record<string, unknown> },
          transient.display_id,
        );
      case "update_display_data": {
        const id = transient.display_id;
        if (!id) return;
        for (const i of displayIds.get(id) ?? []) {
          const output = outputs[i];
          if (output && output.output_type === "display_data") Object.assign(output, { data: content.data, metadata: content.metadata ?? {} });
        }
        options.onUpdateDisplay?.(id, content.data as Record<string, unknown>, (content.metadata ?? {}) as Record<string, unknown>);
        return;
      }
      case "execute_result":
        return add({
          output_type: "execute_result",
          data: content.data as Record<string, unknown>,
          metadata: (content.metadata ?? {}) as Record<string, unknown>,
          execution_count: Number(content.execution_count),
        });
      case "error":
        return add({ output_type: "error", ename: String(content.ename), evalue: String(content.evalue), traceback: (content.traceback ?? []) as string[] });
      case "clear_output":
        if (content.wait) clearPending = true;
        else {
          outputs.length = 0;
          displayIds.clear();
        }
        return;
      case "execute_input":
        executionCount = Number(content.execution_count);
        return;
      case "status":
        if (content.execution_state === "idle") idle();
        return;
    }
  };
  // Outputs can arrive after the request is sent but before its msg_id is known here.
  const stop = client.onIopub((message) => {
    const parent = (message.parent_header as { msg_id?: string }).msg_id;
    if (!msgId) early.push(message);
    else if (parent === msgId) handle(message);
    else options.onIopub?.(message);
  });
  try {
    const sent = client.sendRequest(
      "shell",
      "execute_request",
      { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      { metadata: options.cellId ? { cellId: options.cellId } : {} },
    );
    msgId = sent.msgId;
    const replyPromise = sent.reply;
    for (const message of early.splice(0)) {
      if ((message.parent_header as { msg_id?: string }).msg_id === msgId) handle(message);
      else options.onIopub?.(message);
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const death = client.died();
    const first = await Promise.race([replyPromise, timedOut, death.promise.then((why) => ({ dead: why }))]).finally(death.stop);
    if (typeof first === "object" && "dead" in first) {
      clearTimeout(timer);
      // What the kernel sent before it died stays; the cell says why it ended.
      await new Promise((r) => setTimeout(r, 100));
      add({
        output_type: "error",
        ename: "DeadKernelError",
        evalue: `${first.dead} while running this cell`,
        traceback: [`DeadKernelError: ${first.dead} while running this cell`],
      });
      return { status: "dead", executionCount, outputs };
    }
    if (first === "timeout") {
      await client.interrupt();
      const late = await Promise.race([replyPromise, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 5000))]);
      add({
        output_type: "error",
        ename: "TimeoutError",
        evalue: `Cell execution timed out after ${timeoutMs / 1000} s and was interrupted`,
        traceback: [`TimeoutError: cell execution timed out after ${timeoutMs / 1000} s`],
      });
      return { status: "timeout", executionCount, outputs, reply: late === "timeout" ? undefined : late };
    }
    clearTimeout(timer);
    // The reply can overtake the last iopub messages; wait for the idle status (briefly).
    await Promise.race([idleSeen, new Promise((r) => setTimeout(r, 2000))]);
    const content = first.content as { status?: string; execution_count?: number };
    return {
      status: content.status === "ok" ? "ok" : content.status === "aborted" ? "aborted" : "error",
      executionCount: content.execution_count ?? executionCount,
      outputs,
      reply: first,
    };
  } finally {
    stop();
  }
}
