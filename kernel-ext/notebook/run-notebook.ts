import { executeCell } from "../client/execute-cell";
import { KernelClient } from "../client/kernel-client";
import { sourceText, withCellIds, type Notebook, type Output } from "./nbformat";
import { WidgetStateTracker } from "./widget-state";

/** Options for runNotebook. */
export interface RunNotebookOptions {
  /** Working directory of the kernel (the notebook's folder). Defaults to the current one. */
  cwd?: string;
  /** Per-cell timeout in seconds. Defaults to 600. */
  timeoutSeconds?: number;
  /** Kernelspec to use; defaults to the notebook's metadata.kernelspec.name, else "dslab". */
  kernelName?: string;
  /** Environment for the kernel and the kernelspec lookup. Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Called after each code cell. */
  onCell?: (index: number, status: string) => void;
}

/** The executed notebook and how the run went. */
export interface RunNotebookResult {
  notebook: Notebook;
  /** "ok", or the status of the cell that stopped the run. */
  status: "ok" | "error" | "timeout" | "aborted" | "dead";
  /** Index of the cell that failed, if one did. */
  failedCell?: number;
}

/**
 * Executes a notebook's code cells in order on a fresh kernel and returns it with outputs,
 * execution counts and the final widget states in metadata.widgets (nbformat 4.5). Stops at
 * the first error, keeping the error in that cell's outputs.
 */
export async function runNotebook(input: Notebook, options: RunNotebookOptions = {}): Promise<RunNotebookResult> {
  const notebook = withCellIds(structuredClone(input));
  const kernelName = options.kernelName ?? ((notebook.metadata.kernelspec as { name?: string } | undefined)?.name || "dslab");
  const client = await KernelClient.launch({ kernelName, cwd: options.cwd, env: options.env });
  const widgets = new WidgetStateTracker();
  const displays = new Map<string, Output[]>();
  let status: RunNotebookResult["status"] = "ok";
  let failedCell: number | undefined;
  try {
    for (const cell of notebook.cells) if (cell.cell_type === "code") Object.assign(cell, { outputs: [], execution_count: null });
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const result = await executeCell(client, sourceText(cell), {
        timeoutMs: (options.timeoutSeconds ?? 600) * 1000,
        cellId: typeof cell.id === "string" ? cell.id : undefined,
        onIopub: (message) => widgets.observe(message.header.msg_type, message.content as Record<string, unknown>, message.buffers),
        onUpdateDisplay: (id, data, metadata) => {
          for (const output of displays.get(id) ?? []) if (output.output_type === "display_data") Object.assign(output, { data, metadata });
        },
      });
      cell.outputs = result.outputs;
      cell.execution_count = result.executionCount;
      // Remember displayed outputs by display_id so later cells can update them.
      for (const output of result.outputs) {
        const id = (output as { transient?: { display_id?: string } }).transient?.display_id;
        if (id) displays.set(id, [...(displays.get(id) ?? []), output]);
      }
      options.onCell?.(index, result.status);
      if (result.status !== "ok") {
        status = result.status;
        failedCell = index;
        break;
      }
    }
  } finally {
    await client.shutdown();
  }
  if (widgets.size > 0) notebook.metadata.widgets = { "application/vnd.jupyter.widget-state+json": widgets.metadata() };
  else delete notebook.metadata.widgets;
  return { notebook, status, failedCell };
}
