import * as nodeTimers from "node:timers";

/** Options for createStreamBatcher. */
export interface StreamBatcherOptions<P> {
  /** Sends one stream message with the text gathered for a parent and stream name. */
  send(parent: P, name: "stdout" | "stderr", text: string): void;
  /** How long text waits for more before it is sent, in ms. Defaults to 50 (ipykernel: 200). */
  flushIntervalMs?: number;
  /** Text gathered beyond this many characters is sent at once, without waiting. Defaults to 1 Mi (1,048,576). */
  maxMessageChars?: number;
  /**
   * Characters in flight (gathered here plus `backlog()`) beyond which new text is dropped, with a
   * notice saying how much once there is room again. Defaults to 128 Mi: a cell that prints
   * forever cannot take the kernel's memory, and nothing is dropped without saying so.
   */
  maxPendingChars?: number;
  /** Characters already handed on but not yet written to the socket. Defaults to none. */
  backlog?: () => number;
  /**
   * The timer functions. Defaults to node:timers', not the globals: a cell's timers can be
   * silenced by an interrupt (cell-timers.ts), the kernel's own flushes never are.
   */
  timers?: { setTimeout: typeof nodeTimers.setTimeout; clearTimeout: typeof nodeTimers.clearTimeout };
}

/** Gathers stream writes into few stream messages, per parent and stream name, in order. */
export interface StreamBatcher<P> {
  write(parent: P, name: "stdout" | "stderr", text: string): void;
  /** Sends everything gathered, in the order it was written (before any other message of the kernel). */
  flush(): void;
}

interface Chunk<P> {
  parent: P;
  name: "stdout" | "stderr";
  parts: string[];
  chars: number;
}

/**
 * Batches stream output as ipykernel does (it flushes about every 0.2 s): a loop of a million
 * console.log calls becomes a handful of messages instead of a million, so the kernel neither
 * floods the iopub socket nor keeps a million pending sends in memory.
 */
export function createStreamBatcher<P>(options: StreamBatcherOptions<P>): StreamBatcher<P> {
  const { send, flushIntervalMs = 50, maxMessageChars = 1 << 20, maxPendingChars = 128 << 20, backlog = () => 0, timers = nodeTimers } = options;
  const chunks: Chunk<P>[] = [];
  let gathered = 0;
  let timer: NodeJS.Timeout | undefined;
  const dropped = new Map<P, { name: "stdout" | "stderr"; chars: number }>();

  const flush = () => {
    if (timer) {
      timers.clearTimeout(timer);
      timer = undefined;
    }
    const out = chunks.splice(0);
    gathered = 0;
    for (const chunk of out) send(chunk.parent, chunk.name, chunk.parts.join(""));
    if (dropped.size > 0 && backlog() < maxPendingChars / 2) {
      for (const [parent, { name, chars }] of dropped) {
        send(parent, name, `\n[dslab kernel: ${chars} characters of output were dropped here: more than ${maxPendingChars} waited to be sent]\n`);
      }
      dropped.clear();
    }
    // The notice waits until the socket has caught up.
    if (dropped.size > 0) schedule();
  };
  const schedule = () => {
    if (timer) return;
    timer = timers.setTimeout(flush, flushIntervalMs);
    timer.unref?.();
  };

  return {
    write(parent, name, text) {
      if (text.length === 0) return;
      if (gathered + backlog() + text.length > maxPendingChars) {
        const seen = dropped.get(parent);
        if (seen) seen.chars += text.length;
        else dropped.set(parent, { name, chars: text.length });
        schedule();
        return;
      }
      const last = chunks[chunks.length - 1];
      if (last && last.parent === parent && last.name === name) {
        last.parts.push(text);
        last.chars += text.length;
      } else {
        chunks.push({ parent, name, parts: [text], chars: text.length });
      }
      gathered += text.length;
      if (gathered >= maxMessageChars) flush();
      else schedule();
    },
    flush,
  };
}
