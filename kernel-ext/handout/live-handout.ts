import { gzipSync } from "node:zlib";
import { cellName, planLiveCells, type LivePlan } from "./compile-cells";
import { jsonForScript } from "./escape-html";
import type { HandoutNotebook } from "./notebook-shape";

/** The script type of the live plan (JSON) and of the in-page kernel's source (read by the page, not run). */
export const LIVE_PLAN_TYPE = "application/vnd.dslab.live+json";
export const LIVE_KERNEL_TYPE = "text/x-dslab-kernel";

/** What a live handout carries: the in-page kernel and the plan it runs. */
export interface LiveHandout {
  /** The in-page kernel's JavaScript (dist/frontend/handout-kernel.js). */
  kernel: string;
  plan: LivePlan;
}

/** The live plan of an executed notebook, and build messages naming each cell left to the kernel. */
export function liveHandout(notebook: HandoutNotebook, kernel: string): { live: LiveHandout; messages: string[] } {
  const widgets = notebook.metadata.widgets as Record<string, { state?: Record<string, unknown> }> | undefined;
  const saved = new Set(Object.keys(widgets?.["application/vnd.jupyter.widget-state+json"]?.state ?? {}));
  const plan = planLiveCells(notebook, saved);
  const messages = plan.kernelOnly.map(
    (c) =>
      `${cellName(c)} runs only in the kernel: ${c.reason}${plan.staticWidgets.some((w) => w.cell === c.index) ? "; its widgets keep their saved state in the handout" : ""}`,
  );
  return { live: { kernel, plan }, messages };
}

/**
 * The two script elements of a live handout: the plan (JSON) and the kernel's source, inert
 * text the page unpacks when it goes live (gzip, base64: a third of the minified size).
 */
export function liveScripts({ kernel, plan }: LiveHandout): string {
  const views = Object.fromEntries(plan.cells.filter((c) => c.widgetViews.length > 0).map((c) => [String(c.index), c.widgetViews]));
  const data = {
    cells: plan.cells.map(({ index, executionCount, js }) => ({ index, executionCount, js })),
    views,
    staticWidgets: plan.staticWidgets.map(({ modelId, reason }) => ({ modelId, reason })),
  };
  return `<script type="${LIVE_PLAN_TYPE}">${jsonForScript(data)}</script>\n<script type="${LIVE_KERNEL_TYPE}" data-encoding="gzip+base64">${gzipSync(kernel, { level: 9 }).toString("base64")}</script>`;
}
