import { invalidRange } from "../src/validate";
import { controlSpec, describedDefaults, type DescribedAttributes, type WidgetOptions } from "./dom-widget";
import { SLIDER_TRAITS, cFloat, cInt, pair, type Trait, type Traits } from "./traits";
import { Widget } from "./widget";

interface SliderAttributes<T> extends DescribedAttributes {
  value: T;
  min: number;
  max: number;
  step: number;
  disabled: boolean;
  behavior: "drag-tap" | "drag-snap" | "tap" | "drag" | "snap";
  continuous_update: boolean;
  orientation: "horizontal" | "vertical";
  readout: boolean;
  readout_format: string;
}

/** A trait that also requires a number > 0 (a slider's step, a log slider's base). */
function positive(trait: Trait): Trait {
  return (name, value) => {
    const x = trait(name, value) as number;
    if (!(x > 0)) throw invalidRange(name, value, "a number > 0");
    return x;
  };
}

const INT_TRAITS: Traits = { ...SLIDER_TRAITS, value: cInt, min: cInt, max: cInt, step: positive(cInt) };
const FLOAT_TRAITS: Traits = { ...SLIDER_TRAITS, value: cFloat, min: cFloat, max: cFloat, step: positive(cFloat) };
const LOG_TRAITS: Traits = { ...FLOAT_TRAITS, base: positive(cFloat) };
const INT_RANGE_TRAITS: Traits = { ...INT_TRAITS, value: pair(cInt) };
const FLOAT_RANGE_TRAITS: Traits = { ...FLOAT_TRAITS, value: pair(cFloat) };

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/**
 * ipywidgets' rule for bounded widgets (_validate_min, _validate_max, _validate_value): min ≤ max
 * or the change is refused, naming the attribute being set (max when both are), its value and
 * the range; then the value is clamped into [lo, hi] (bounds of the value itself, which differ
 * from min and max on a log slider). Checked on the proposed state, so one set() may move both.
 */
export function checkBounds(state: Record<string, unknown>, changed: ReadonlySet<string>, toValue: (bound: number) => number = (b) => b): void {
  const min = state.min as number;
  const max = state.max as number;
  if (min > max)
    throw changed.has("min") && !changed.has("max") ? invalidRange("min", min, `a number ≤ max (${max})`) : invalidRange("max", max, `a number ≥ min (${min})`);
  const lo = toValue(min);
  const hi = toValue(max);
  const value = state.value;
  if (Array.isArray(value)) {
    if (value[0] > value[1]) throw invalidRange("value", value, "a pair [low, high] with low ≤ high");
    state.value = [clamp(value[0], lo, hi), clamp(value[1], lo, hi)];
  } else if (typeof value === "number") state.value = clamp(value, lo, hi);
}

function sliderState<T>(defaults: Partial<SliderAttributes<T>>, options: object): SliderAttributes<T> {
  return {
    ...describedDefaults("SliderStyleModel"),
    disabled: false,
    behavior: "drag-tap",
    continuous_update: true,
    orientation: "horizontal",
    readout: true,
    ...defaults,
    ...options,
  } as SliderAttributes<T>;
}

/** A slider whose value stays in [min, max]: checked on every set, from the kernel or a front end. */
abstract class BoundedSlider extends Widget {
  protected override validateState(proposed: Record<string, unknown>, changed: ReadonlySet<string>): void {
    checkBounds(proposed, changed);
  }
}

/** A slider over integers (IntSliderModel). Values convert as ipywidgets' CInt does (3.7 → 3) and are clamped to [min, max]. */
export class IntSlider extends BoundedSlider {
  constructor(options: WidgetOptions<SliderAttributes<number>> = {}) {
    super(controlSpec("IntSlider"), sliderState({ value: 0, min: 0, max: 100, step: 1, readout_format: "d" }, options), INT_TRAITS);
  }
}
export interface IntSlider extends SliderAttributes<number> {}

/** A slider over reals (FloatSliderModel), its value clamped to [min, max]. */
export class FloatSlider extends BoundedSlider {
  constructor(options: WidgetOptions<SliderAttributes<number>> = {}) {
    super(controlSpec("FloatSlider"), sliderState({ value: 0, min: 0, max: 100, step: 0.1, readout_format: ".2f" }, options), FLOAT_TRAITS);
  }
}
export interface FloatSlider extends SliderAttributes<number> {}

interface LogSliderAttributes extends SliderAttributes<number> {
  base: number;
}

/** A slider over a log scale (FloatLogSliderModel): min, max and step are exponents of `base`; the value stays in [base^min, base^max]. */
export class FloatLogSlider extends Widget {
  constructor(options: WidgetOptions<LogSliderAttributes> = {}) {
    super(
      controlSpec("FloatLogSlider"),
      sliderState<number>({ value: 1, min: 0, max: 4, step: 0.1, readout_format: ".3g", ...{ base: 10 } }, options),
      LOG_TRAITS,
    );
  }

  protected override validateState(proposed: Record<string, unknown>, changed: ReadonlySet<string>): void {
    const base = proposed.base as number;
    checkBounds(proposed, changed, (exponent) => base ** exponent);
  }
}
export interface FloatLogSlider extends LogSliderAttributes {}

/** A slider selecting an integer range [low, high] (IntRangeSliderModel); low ≤ high, both in [min, max]. */
export class IntRangeSlider extends BoundedSlider {
  constructor(options: WidgetOptions<SliderAttributes<[number, number]>> = {}) {
    const { min = 0, max = 100 } = options;
    const value = options.value ?? [min + Math.round((max - min) * 0.25), min + Math.round((max - min) * 0.75)];
    super(
      controlSpec("IntRangeSlider"),
      sliderState<[number, number]>({ min: 0, max: 100, step: 1, readout_format: "d" }, { ...options, value }),
      INT_RANGE_TRAITS,
    );
  }
}
export interface IntRangeSlider extends SliderAttributes<[number, number]> {}

/** A slider selecting a real range [low, high] (FloatRangeSliderModel); low ≤ high, both in [min, max]. */
export class FloatRangeSlider extends BoundedSlider {
  constructor(options: WidgetOptions<SliderAttributes<[number, number]>> = {}) {
    const { min = 0, max = 100 } = options;
    const value = options.value ?? [min + (max - min) * 0.25, min + (max - min) * 0.75];
    super(
      controlSpec("FloatRangeSlider"),
      sliderState<[number, number]>({ min: 0, max: 100, step: 0.1, readout_format: ".2f" }, { ...options, value }),
      FLOAT_RANGE_TRAITS,
    );
  }
}
export interface FloatRangeSlider extends SliderAttributes<[number, number]> {}
