import { kernelApi } from "../kernel-ext/api";
import { checkInteger } from "../src/validate";
import { IntProgress } from "./simple-controls";

/** A progress bar to advance by hand. */
export interface ProgressBar {
  /** Advances by n steps (default 1). */
  step(n?: number): void;
  /** Marks the work done. */
  done(): void;
}

/** Redraws at most this often: a progress bar must not slow the simulation it reports. */
const MIN_INTERVAL_MS = 100;

/** Options of progress. */
export interface ProgressOptions {
  /** Label shown beside the bar. Defaults to "". */
  description?: string;
}

function createBar(total: number, { description = "" }: ProgressOptions): ProgressBar {
  checkInteger("total", total, 0);
  let count = 0;
  let lastDraw = 0;
  const api = kernelApi();
  const widget = api ? new IntProgress({ min: 0, max: total, value: 0, description }) : undefined;
  if (api && widget) api.displayBundle(api.toBundle(widget));
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < MIN_INTERVAL_MS) return;
    lastDraw = now;
    if (widget) widget.set({ value: count });
    // No front end: a plain-text line, rewritten in place on a terminal.
    else
      process.stdout.write(
        `${description ? `${description} ` : ""}${count}/${total} (${total ? Math.round((100 * count) / total) : 100}%)${force ? "\n" : "\r"}`,
      );
  };
  return {
    step(n = 1) {
      count = Math.min(total, count + n);
      draw(count === total);
    },
    done() {
      count = total;
      if (widget) widget.set({ value: count, bar_style: "success" });
      else draw(true);
    },
  };
}

/**
 * Reports progress of a long simulation: progress(items) wraps an array or iterable and yields
 * its items; progress(total) returns a bar to advance by hand. With a front end attached it is an
 * IntProgress widget, otherwise a plain-text line.
 */
export function progress(total: number, options?: ProgressOptions): ProgressBar;
export function progress<T>(items: Iterable<T> & { length?: number }, options?: ProgressOptions): Iterable<T>;
export function progress<T>(source: number | (Iterable<T> & { length?: number }), options: ProgressOptions = {}): ProgressBar | Iterable<T> {
  if (typeof source === "number") return createBar(source, options);
  const items = Array.isArray(source) ? source : [...source];
  return {
    *[Symbol.iterator]() {
      const bar = createBar(items.length, options);
      for (const item of items) {
        yield item;
        bar.step();
      }
      bar.done();
    },
  };
}
