import { kernelApi, type CapturedOutput, type JSONObject, type MimeBundle } from "../kernel-ext/api";
import { controlSpec, domDefaults, type DOMAttributes } from "./dom-widget";
import { OUTPUT } from "./version";
import { Widget } from "./widget";

/** An nbformat output as an Output widget keeps it. */
export type StoredOutput = Exclude<CapturedOutput, { output_type: "clear_output" }>;

interface OutputAttributes extends DOMAttributes {
  msg_id: string;
  outputs: StoredOutput[];
}

/**
 * A region that shows outputs (OutputModel). What `capture` runs (prints, displays, errors)
 * is kept in the `outputs` attribute in the kernel, so it also survives saving and export.
 */
export class Output extends Widget {
  private clearPending = false;

  constructor(options: Partial<Pick<OutputAttributes, "layout">> = {}) {
    super(controlSpec("Output", "Output", OUTPUT), { ...domDefaults(), msg_id: "", outputs: [], ...options });
  }

  /** Runs fn with its outputs (including those of its async continuations) going into this widget. */
  capture<T>(fn: () => T): T {
    const api = kernelApi();
    if (!api) return fn();
    return api.capture((output) => this.append(output), fn);
  }

  /** Adds an output; a clear_output request empties the widget (at the next output, with wait). */
  append(output: CapturedOutput): void {
    if (output.output_type === "clear_output") {
      if (output.wait) this.clearPending = true;
      else this.clear();
      return;
    }
    const outputs = this.clearPending ? [] : [...this.get<StoredOutput[]>("outputs")];
    this.clearPending = false;
    const last = outputs[outputs.length - 1];
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      outputs[outputs.length - 1] = { ...last, text: last.text + output.text };
    } else outputs.push(output);
    this.set({ outputs });
  }

  /** Shows a value in this widget, as display() would. */
  display(value: unknown): void {
    const api = kernelApi();
    const data: MimeBundle = api ? api.toBundle(value) : { "text/plain": String(value) };
    this.append({ output_type: "display_data", data, metadata: {} as JSONObject });
  }

  /** Appends text to the widget's stdout. */
  appendStdout(text: string): void {
    this.append({ output_type: "stream", name: "stdout", text });
  }

  /** Shows an error with its traceback. */
  appendError(error: unknown): void {
    const e = error instanceof Error ? error : new Error(String(error));
    const traceback = kernelApi()?.errorTraceback?.(e) ?? (e.stack ?? `${e.name}: ${e.message}`).split("\n");
    this.append({ output_type: "error", ename: e.name, evalue: e.message, traceback });
  }

  /** Carries out a pending clear({ wait: true }) that no output has triggered. */
  flushClear(): void {
    if (this.clearPending) {
      this.clearPending = false;
      this.set({ outputs: [] });
    }
  }

  /** Empties the widget. */
  clear(options: { wait?: boolean } = {}): void {
    if (options.wait) this.clearPending = true;
    else this.set({ outputs: [] });
  }
}
export interface Output extends OutputAttributes {}
