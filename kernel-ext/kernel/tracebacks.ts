// Tracebacks as the user reads them: positions in the cells they wrote, not in the kernel.
import { format } from "node:util";
import { cellSourceMaps } from "./cell-source-maps";

/** The traceback of an error thrown by the running cell: its frames read `cell:LINE:COL`, the kernel's own are left out. */
export function cellTraceback(error: Error): string[] {
  return traceback(error, KERNEL_FRAMES, true);
}

/**
 * The traceback of an error raised after its cell ran (in a widget's function or observer): frames
 * in cells read `In[N]:LINE:COL`, and neither the kernel's frames nor the widgets' machinery show.
 */
export function callbackTraceback(value: unknown): string[] {
  if (value instanceof Error) return traceback(value, CALLBACK_FRAMES, false);
  return [`Uncaught ${format("%O", value)}`];
}

/** Frames of Node, tslab and the kernel: not the user's. */
const KERNEL_FRAMES = /\(node:|at node:|tslab[\\/]dist|kernel-ext[\\/]kernel|sigintHandlersWrap/;
/** Those, and the widgets' own (an interact's run loop, an observer's dispatch) for callbacks. */
const CALLBACK_FRAMES = new RegExp(`${KERNEL_FRAMES.source}|[\\\\/]widgets[\\\\/](interact|widget|output|traits)\\.[jt]s`);

function traceback(error: Error, hidden: RegExp, inRunningCell: boolean): string[] {
  const header = `${error.name}: ${error.message}`;
  const stack = error.stack ?? header;
  // Node prefixes errors from vm code with the source line and a caret; start at the error itself.
  const from = stack.indexOf(header);
  const lines = (from >= 0 ? stack.slice(from) : stack).split("\n");
  return lines
    .filter((line, i) => i === 0 || !(hidden.test(line) || cellSourceMaps.isWrapperFrame(line)))
    .map((line, i) => (i === 0 ? line : cellSourceMaps.rewriteFrame(line, inRunningCell)));
}
