import { checkNumber, invalidRange } from "../src/validate";
import { describedDefaults, controlSpec, type DescribedAttributes, type WidgetOptions } from "./dom-widget";
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

function checkRange(min: number, max: number, step: number): void {
  checkNumber("min", min);
  checkNumber("max", max);
  if (max < min) throw invalidRange("max", max, `a number ≥ min (${min})`);
  checkNumber("step", step, { min: 0, minOpen: true });
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function sliderState<T>(name: string, defaults: Partial<SliderAttributes<T>>, options: WidgetOptions<SliderAttributes<T>>, fix: (s: SliderAttributes<T>) => void): SliderAttributes<T> {
  const state = { ...describedDefaults("SliderStyleModel"), disabled: false, behavior: "drag-tap", continuous_update: true, orientation: "horizontal", readout: true, ...defaults, ...options } as SliderAttributes<T>;
  checkRange(state.min, state.max, state.step);
  fix(state);
  void name;
  return state;
}

/** A slider over integers (IntSliderModel). The value is clamped to [min, max], as in ipywidgets. */
export class IntSlider extends Widget {
  constructor(options: WidgetOptions<SliderAttributes<number>> = {}) {
    super(controlSpec("IntSlider"), sliderState("IntSlider", { value: 0, min: 0, max: 100, step: 1, readout_format: "d" }, options, (s) => (s.value = clamp(Math.round(s.value), s.min, s.max))));
  }
}
export interface IntSlider extends SliderAttributes<number> {}

/** A slider over reals (FloatSliderModel). */
export class FloatSlider extends Widget {
  constructor(options: WidgetOptions<SliderAttributes<number>> = {}) {
    super(controlSpec("FloatSlider"), sliderState("FloatSlider", { value: 0, min: 0, max: 100, step: 0.1, readout_format: ".2f" }, options, (s) => (s.value = clamp(s.value, s.min, s.max))));
  }
}
export interface FloatSlider extends SliderAttributes<number> {}

interface LogSliderAttributes extends SliderAttributes<number> {
  base: number;
}

/** A slider over a log scale (FloatLogSliderModel): min, max and step are exponents of `base`. */
export class FloatLogSlider extends Widget {
  constructor(options: WidgetOptions<LogSliderAttributes> = {}) {
    const state = sliderState<number>("FloatLogSlider", { value: 1, min: 0, max: 4, step: 0.1, readout_format: ".3g", ...{ base: 10 } }, options, (s) => {
      const base = (s as LogSliderAttributes).base;
      checkNumber("base", base, { min: 0, minOpen: true });
      s.value = clamp(s.value, base ** s.min, base ** s.max);
    });
    super(controlSpec("FloatLogSlider"), state);
  }
}
export interface FloatLogSlider extends LogSliderAttributes {}

/** A slider selecting an integer range [low, high] (IntRangeSliderModel). */
export class IntRangeSlider extends Widget {
  constructor(options: WidgetOptions<SliderAttributes<[number, number]>> = {}) {
    super(controlSpec("IntRangeSlider"), sliderState<[number, number]>("IntRangeSlider", { min: 0, max: 100, step: 1, readout_format: "d" }, options, (s) => {
      s.value ??= [s.min + Math.round((s.max - s.min) * 0.25), s.min + Math.round((s.max - s.min) * 0.75)];
      s.value = orderedPair(s.value.map((v) => clamp(Math.round(v), s.min, s.max)));
    }));
  }
}
export interface IntRangeSlider extends SliderAttributes<[number, number]> {}

/** A slider selecting a real range [low, high] (FloatRangeSliderModel). */
export class FloatRangeSlider extends Widget {
  constructor(options: WidgetOptions<SliderAttributes<[number, number]>> = {}) {
    super(controlSpec("FloatRangeSlider"), sliderState<[number, number]>("FloatRangeSlider", { min: 0, max: 100, step: 0.1, readout_format: ".2f" }, options, (s) => {
      s.value ??= [s.min + (s.max - s.min) * 0.25, s.min + (s.max - s.min) * 0.75];
      s.value = orderedPair(s.value.map((v) => clamp(v, s.min, s.max)));
    }));
  }
}
export interface FloatRangeSlider extends SliderAttributes<[number, number]> {}

function orderedPair(values: number[]): [number, number] {
  if (values.length !== 2) throw invalidRange("value", values, "a pair [low, high]");
  return values[0] <= values[1] ? [values[0], values[1]] : [values[1], values[0]];
}
