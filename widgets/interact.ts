import { kernelApi } from "../kernel-ext/api";
import { invalidType } from "../src/validate";
import { VBox } from "./boxes";
import { Figure } from "./figure";
import { Output } from "./output";
import { Dropdown } from "./selection";
import { Checkbox, Text } from "./simple-controls";
import { FloatLogSlider, FloatSlider, IntSlider } from "./sliders";
import { Widget } from "./widget";

/** A numeric range: a slider. Integer bounds and step give an IntSlider; log gives a FloatLogSlider. */
export interface RangeSpec {
  min: number;
  max: number;
  step?: number;
  /** Starting value. Defaults to the middle of the range (the geometric middle with log). */
  value?: number;
  /** A logarithmic slider. Defaults to false. */
  log?: boolean;
  /** Force an IntSlider (true) or a FloatSlider (false). Defaults to: integer min, max and step. */
  integer?: boolean;
  /** The label. Defaults to the parameter's name. */
  description?: string;
}

/** A choice among options: a dropdown. */
export interface ChoiceSpec<V> {
  options: readonly V[] | Readonly<Record<string, V>>;
  value?: V;
  description?: string;
}

const FIXED = Symbol("dslab.fixed");
/** A value passed to fn as it is, with no control. */
export interface Fixed<V> {
  readonly [FIXED]: true;
  readonly value: V;
}

/** Marks a parameter as fixed: passed to fn unchanged, no control shown. */
export function fixed<V>(value: V): Fixed<V> {
  return { [FIXED]: true, value };
}

/** How one parameter is controlled. */
export type ParamSpec =
  | RangeSpec
  | ChoiceSpec<unknown>
  | readonly [number, number]
  | readonly [number, number, number]
  | readonly unknown[]
  | boolean
  | string
  | Fixed<unknown>
  | Widget;

/** The parameter values fn receives for a spec. */
export type ParamValues<S> = {
  [K in keyof S]: S[K] extends Fixed<infer V>
    ? V
    : S[K] extends Widget
      ? S[K] extends { value: infer W }
        ? W
        : unknown
      : S[K] extends boolean
        ? boolean
        : S[K] extends string
          ? string
          : S[K] extends ChoiceSpec<infer V>
            ? V
            : S[K] extends readonly (infer V)[]
              ? S[K] extends readonly [number, number] | readonly [number, number, number]
                ? number
                : V
              : S[K] extends RangeSpec
                ? number
                : unknown;
};

/** Options of interact. */
export interface InteractOptions {
  /** Run fn while a slider is dragged (true) or only on release (false). Defaults to true. */
  continuousUpdate?: boolean;
  /** Show the controls and output (false: build them only). Defaults to true. */
  display?: boolean;
}

/** What interactive returns: the box to show, its controls, its output, and a way to re-run. */
export interface Interactive<S> {
  widget: VBox;
  controls: { [K in keyof S]?: Widget };
  output: Output;
  /** The current parameter values. */
  values(): ParamValues<S>;
  /** Runs fn now with the current values; resolves when it (and any run queued behind it) is done. */
  update(): Promise<void>;
  /**
   * Settles when the first run has drawn. A synchronous fn has drawn before interactive returns;
   * for an async fn, `await handle.ready` in the cell keeps the cell busy until it has.
   */
  readonly ready: Promise<void>;
  /** Times fn has run (for tests and benchmarks of coalescing). */
  readonly runs: number;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function isFixed(value: unknown): value is Fixed<unknown> {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[FIXED] === true;
}

function controlFor(name: string, spec: ParamSpec, continuousUpdate: boolean): Widget | undefined {
  if (isFixed(spec)) return undefined;
  if (spec instanceof Widget) return spec;
  if (typeof spec === "boolean") return new Checkbox({ value: spec, description: name });
  if (typeof spec === "string") return new Text({ value: spec, description: name, continuous_update: continuousUpdate });
  if (Array.isArray(spec)) {
    if ((spec.length === 2 || spec.length === 3) && spec.every((v) => typeof v === "number")) {
      const [min, max, step] = spec as number[];
      return controlFor(name, { min, max, step }, continuousUpdate);
    }
    return new Dropdown({ options: spec as unknown[], description: name });
  }
  if (typeof spec === "object" && spec !== null && "options" in spec) {
    const choice = spec as ChoiceSpec<unknown>;
    return new Dropdown({ options: choice.options as unknown[], value: choice.value, description: choice.description ?? name });
  }
  if (typeof spec === "object" && spec !== null && "min" in spec && "max" in spec) {
    const { min, max, log = false, description = name } = spec as RangeSpec;
    if (log) {
      // FloatLogSlider works in exponents of 10.
      const lo = Math.log10(min);
      const hi = Math.log10(max);
      const value = (spec as RangeSpec).value ?? 10 ** ((lo + hi) / 2);
      return new FloatLogSlider({
        min: lo,
        max: hi,
        step: (spec as RangeSpec).step ?? (hi - lo) / 100,
        value,
        base: 10,
        description,
        continuous_update: continuousUpdate,
      });
    }
    const step = (spec as RangeSpec).step;
    const integer = (spec as RangeSpec).integer ?? (Number.isInteger(min) && Number.isInteger(max) && (step === undefined || Number.isInteger(step)));
    const value = (spec as RangeSpec).value ?? (integer ? Math.round((min + max) / 2) : (min + max) / 2);
    return integer
      ? new IntSlider({ min, max, step: step ?? 1, value, description, continuous_update: continuousUpdate })
      : new FloatSlider({ min, max, step: step ?? (max - min) / 100, value, description, continuous_update: continuousUpdate });
  }
  throw invalidType(`spec.${name}`, spec, "a range { min, max }, [min, max], an array of options, { options }, a boolean, a string, a widget or fixed(value)");
}

/**
 * Builds controls from a typed parameter spec and runs fn whenever one changes. Bursts coalesce:
 * while fn runs, only the latest values are kept and fn runs once more with them (no backlog).
 * What fn prints or returns shows in the output; an exception shows there too and the controls
 * keep working. A Figure that fn returns is shown beside the output, once: later runs update it
 * in place (the reader's zoom survives) instead of re-creating it.
 */
export function interactive<S extends Record<string, ParamSpec>>(
  fn: (params: ParamValues<S>) => unknown,
  spec: S,
  options: InteractOptions = {},
): Interactive<S> {
  const { continuousUpdate = true } = options;
  if (typeof fn !== "function") throw invalidType("fn", fn, "a function of the parameters");
  if (spec === null || typeof spec !== "object") throw invalidType("spec", spec, "an object mapping parameter names to specs");
  const controls: { [K in keyof S]?: Widget } = {};
  for (const [name, param] of Object.entries(spec)) {
    const control = controlFor(name, param, continuousUpdate);
    if (control) controls[name as keyof S] = control;
  }
  const output = new Output();
  const box = new VBox([...(Object.values(controls) as Widget[]), output]);
  const values = () =>
    Object.fromEntries(
      Object.entries(spec).map(([name, param]) => [name, isFixed(param) ? param.value : (controls[name as keyof S] as unknown as { value: unknown }).value]),
    ) as ParamValues<S>;
  let running: Promise<void> | undefined;
  let pending = false;
  let runs = 0;
  let shownFigure: Figure | undefined;
  const show = (result: unknown) => {
    if (result instanceof Figure) {
      // A figure lives beside the output, not in it, so later runs update the same view in place.
      if (result !== shownFigure) {
        box.set({ children: [...(Object.values(controls) as Widget[]), result, output] });
        shownFigure = result;
      }
    } else if (result !== undefined) {
      output.display(result);
    }
  };
  // One run of fn. A synchronous fn is drawn before this returns; an async one returns the promise of its drawing.
  const runOnce = (): Promise<void> | undefined => {
    runs++;
    // As ipywidgets does: the previous run's output goes when this run's first output arrives.
    output.clear({ wait: true });
    let result: unknown;
    try {
      result = output.capture(() => fn(values()));
    } catch (error) {
      output.appendError(error);
      output.flushClear();
      return undefined;
    }
    if (!isPromiseLike(result)) {
      show(result);
      output.flushClear();
      return undefined;
    }
    return Promise.resolve(result)
      .then(
        (value) => show(value),
        (error: unknown) => output.appendError(error),
      )
      .finally(() => output.flushClear());
  };
  // Later runs start on the next macrotask, and each run yields one before the next, so that
  // updates already waiting in the kernel's queue (a fast drag) land in `pending` and coalesce.
  const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));
  const loop = async () => {
    await nextTask();
    do {
      pending = false;
      await runOnce();
      await nextTask();
    } while (pending);
    running = undefined;
  };
  const update = (): Promise<void> => {
    if (running) {
      pending = true;
      return running;
    }
    running = loop();
    return running;
  };
  for (const control of Object.values(controls) as Widget[]) control.observe(control instanceof Dropdown ? "index" : "value", () => void update());
  let ready: Promise<void> = Promise.resolve();
  const result: Interactive<S> = {
    widget: box,
    controls,
    output,
    values,
    update,
    get ready() {
      return ready;
    },
    get runs() {
      return runs;
    },
  };
  // The first run is part of the cell, as in ipywidgets: a synchronous fn has drawn (figure or
  // value in the output) before interactive returns, so the cell's outputs and saved widget state
  // hold it even when the kernel shuts down right after the cell. An async fn's first run is
  // `ready`: await it in the cell to keep the cell busy until it has drawn.
  const first = runOnce();
  if (first) {
    // Changes during an async first run coalesce into one run after it.
    running = (async () => {
      await first;
      running = undefined;
      if (pending) await update();
    })();
  }
  ready = running ?? Promise.resolve();
  return result;
}

/** interactive(fn, spec), displayed: the controls and the output appear under the cell. Returns the same handle. */
export function interact<S extends Record<string, ParamSpec>>(fn: (params: ParamValues<S>) => unknown, spec: S, options: InteractOptions = {}): Interactive<S> {
  const handle = interactive(fn, spec, options);
  if (options.display !== false) {
    const api = kernelApi();
    if (api) api.displayBundle(api.toBundle(handle.widget));
  }
  return handle;
}
