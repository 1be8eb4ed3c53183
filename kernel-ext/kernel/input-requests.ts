import type { JupyterMessage } from "../wire";

/** Thrown by input() where no user can answer: ipykernel's StdinNotImplementedError. */
export class StdinNotImplementedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StdinNotImplementedError";
  }
}

/** Thrown into input() when the cell waiting on it is interrupted (ipykernel: KeyboardInterrupt). */
export class InputInterruptedError extends Error {
  constructor() {
    super("Interrupted while waiting for input");
    this.name = "KeyboardInterrupt";
  }
}

interface Pending {
  resolve: (value: string) => void;
  reject: (error: Error) => void;
}

/**
 * The kernel's side of the stdin channel: one input_request at a time, for the execute_request
 * that is running, answered by the next input_reply. Replies are not matched by parent header:
 * jupyter_client's `input()` sends its reply without one, and ipykernel takes the next reply.
 */
export class InputRequests {
  private pending: Pending | undefined;

  /** `send` puts an input_request for `parent` on the stdin channel. */
  constructor(private readonly send: (parent: JupyterMessage, content: { prompt: string; password: boolean }) => void) {}

  /**
   * Asks the user of `parent`'s front end for a line. `running` is the execute_request running
   * now, if any: a request from a timer or a widget callback after its cell has nobody waiting.
   */
  ask(parent: JupyterMessage<unknown> | undefined, running: string | undefined, prompt: unknown, password: unknown): Promise<string> {
    if (typeof prompt !== "string") return Promise.reject(new TypeError(`input: prompt must be a string, got ${typeof prompt}`));
    if (typeof password !== "boolean") return Promise.reject(new TypeError(`input: password must be true or false, got ${typeof password}`));
    if (parent?.header.msg_type !== "execute_request" || parent.header.msg_id !== running) {
      return Promise.reject(
        new StdinNotImplementedError("input() can be called only while its cell runs, not from a widget callback or a timer that fires after the cell"),
      );
    }
    if ((parent.content as { allow_stdin?: unknown }).allow_stdin !== true) {
      return Promise.reject(
        new StdinNotImplementedError(
          "input() was called, but this front end does not accept input (its request says allow_stdin: false, as nbconvert and `dslab run` do: there is no one to type)",
        ),
      );
    }
    if (this.pending) return Promise.reject(new StdinNotImplementedError("input() is already waiting for an answer: await it before asking again"));
    return new Promise<string>((resolve, reject) => {
      this.pending = { resolve, reject };
      try {
        this.send(parent as JupyterMessage, { prompt, password });
      } catch (error) {
        this.pending = undefined;
        reject(error as Error);
      }
    });
  }

  /** Hands an input_reply to the waiting input(); false if nothing was waiting (the reply is dropped). */
  answer(reply: JupyterMessage): boolean {
    const pending = this.pending;
    if (!pending || reply.header.msg_type !== "input_reply") return false;
    this.pending = undefined;
    const value = (reply.content as { value?: unknown }).value;
    pending.resolve(typeof value === "string" ? value : "");
    return true;
  }

  /** Ends a waiting input() with an interrupt. */
  interrupt(): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new InputInterruptedError());
  }
}
