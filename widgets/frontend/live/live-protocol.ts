// The messages between a handout page and its in-page kernel (a Web Worker): the comm messages
// a Jupyter kernel exchanges with its front end over ZMQ, plus start-up and cell bookkeeping.

/** A code cell as the handout carries it, compiled to a classic script at build time. */
export interface PageCell {
  index: number;
  executionCount: number | null;
  js: string;
}

/** Page to worker. */
export type ToKernel =
  | { type: "run"; cells: PageCell[] }
  | { type: "comm_open"; comm_id: string; target_name: string; data: unknown; metadata: unknown; buffers: ArrayBuffer[]; msg_id: string }
  | { type: "comm_msg"; comm_id: string; data: unknown; metadata: unknown; buffers: ArrayBuffer[]; msg_id: string }
  | { type: "comm_close"; comm_id: string; data: unknown; msg_id: string };

/** Worker to page. `parent` is the msg_id of the page message being handled, if any. */
export type FromKernel =
  | { type: "comm_open"; comm_id: string; target_name: string; data: unknown; metadata: unknown; buffers: ArrayBuffer[]; parent?: string }
  | { type: "comm_msg"; comm_id: string; data: unknown; metadata: unknown; buffers: ArrayBuffer[]; parent?: string }
  | { type: "comm_close"; comm_id: string; data: unknown; parent?: string }
  | { type: "display_data"; data: Record<string, unknown>; cell?: number; parent?: string }
  | { type: "clear_output"; wait: boolean; parent?: string }
  | { type: "stream"; name: "stdout" | "stderr"; text: string; parent?: string }
  | { type: "cell_done"; index: number; error?: string; ms: number }
  | { type: "ready"; ms: number }
  | { type: "idle"; parent: string };

export const WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json";

/**
 * The global function a compiled cell hands its last expression's value to: the kernel shows
 * that value as the cell's result (a widget left bare on the last line is displayed), so the
 * in-page kernel must too.
 */
export const RESULT_HOOK = "__dslab_cell_result__";
