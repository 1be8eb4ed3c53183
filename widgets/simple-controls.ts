import { controlSpec, describedDefaults, type DescribedAttributes, type WidgetOptions } from "./dom-widget";
import { checkBounds } from "./sliders";
import { DESCRIBED_TRAITS, bool, cFloat, cInt, caselessEnum, orNull, unicode, type Traits } from "./traits";
import { Widget } from "./widget";

const BOOL_TRAITS: Traits = { ...DESCRIBED_TRAITS, value: bool, disabled: bool };
const TEXT_TRAITS: Traits = { ...DESCRIBED_TRAITS, value: unicode, placeholder: unicode, disabled: bool, continuous_update: bool };
const INT_TRAITS: Traits = { ...DESCRIBED_TRAITS, value: cInt, min: cInt, max: cInt, step: cInt, disabled: bool, continuous_update: bool };
const FLOAT_TRAITS: Traits = { ...DESCRIBED_TRAITS, value: cFloat, min: cFloat, max: cFloat, step: orNull(cFloat), disabled: bool, continuous_update: bool };
const PLAY_TRAITS: Traits = { ...INT_TRAITS, interval: cInt, playing: bool, repeat: bool, show_repeat: bool };
const BUTTON_STYLE = caselessEnum(["primary", "success", "info", "warning", "danger", ""]);
const BAR_STYLE = caselessEnum(["success", "info", "warning", "danger", ""]);
const ORIENTATION = caselessEnum(["horizontal", "vertical"]);

/** A widget whose value stays in [min, max], checked on every set as ipywidgets' _BoundedInt and _BoundedFloat do. */
abstract class BoundedWidget extends Widget {
  protected override validateState(proposed: Record<string, unknown>, changed: ReadonlySet<string>): void {
    checkBounds(proposed, changed);
  }
}

interface ValueAttributes<T> extends DescribedAttributes {
  value: T;
  disabled: boolean;
}

/** A check box (CheckboxModel). */
export class Checkbox extends Widget {
  constructor(options: WidgetOptions<ValueAttributes<boolean> & { indent: boolean }> = {}) {
    super(
      controlSpec("Checkbox"),
      { ...describedDefaults("CheckboxStyleModel"), disabled: false, indent: true, value: false, ...options },
      { ...BOOL_TRAITS, indent: bool },
    );
  }
}
export interface Checkbox extends ValueAttributes<boolean> {
  indent: boolean;
}

interface ToggleButtonAttributes extends ValueAttributes<boolean> {
  button_style: "" | "primary" | "success" | "info" | "warning" | "danger";
  icon: string;
}

/** A button that stays pressed (ToggleButtonModel). */
export class ToggleButton extends Widget {
  constructor(options: WidgetOptions<ToggleButtonAttributes> = {}) {
    super(
      controlSpec("ToggleButton"),
      { ...describedDefaults("ToggleButtonStyleModel"), disabled: false, button_style: "", icon: "", value: false, ...options },
      { ...BOOL_TRAITS, icon: unicode, button_style: BUTTON_STYLE },
    );
  }
}
export interface ToggleButton extends ToggleButtonAttributes {}

interface TextAttributes extends ValueAttributes<string> {
  continuous_update: boolean;
  placeholder: string;
}

// ipywidgets' placeholder default: a zero-width space, so that an empty box keeps its height.
const PLACEHOLDER = "\u200b";

/** A one-line text box (TextModel). */
export class Text extends Widget {
  constructor(options: WidgetOptions<TextAttributes> = {}) {
    super(
      controlSpec("Text"),
      { ...describedDefaults("TextStyleModel"), disabled: false, continuous_update: true, placeholder: PLACEHOLDER, value: "", ...options },
      TEXT_TRAITS,
    );
  }
}
export interface Text extends TextAttributes {}

/** A multi-line text box (TextareaModel). */
export class Textarea extends Widget {
  constructor(options: WidgetOptions<TextAttributes & { rows: number | null }> = {}) {
    super(
      controlSpec("Textarea"),
      { ...describedDefaults("TextStyleModel"), disabled: false, continuous_update: true, placeholder: PLACEHOLDER, rows: null, value: "", ...options },
      { ...TEXT_TRAITS, rows: orNull(cInt) },
    );
  }
}
export interface Textarea extends TextAttributes {
  rows: number | null;
}

interface NumberTextAttributes extends ValueAttributes<number> {
  continuous_update: boolean;
  step: number | null;
}

/** An integer box (IntTextModel). */
export class IntText extends Widget {
  constructor(options: WidgetOptions<NumberTextAttributes> = {}) {
    super(
      controlSpec("IntText"),
      { ...describedDefaults("DescriptionStyleModel"), disabled: false, continuous_update: false, step: 1, value: 0, ...options },
      INT_TRAITS,
    );
  }
}
export interface IntText extends NumberTextAttributes {}

/** A number box (FloatTextModel). */
export class FloatText extends Widget {
  constructor(options: WidgetOptions<NumberTextAttributes> = {}) {
    super(
      controlSpec("FloatText"),
      { ...describedDefaults("DescriptionStyleModel"), disabled: false, continuous_update: false, step: null, value: 0, ...options },
      FLOAT_TRAITS,
    );
  }
}
export interface FloatText extends NumberTextAttributes {}

interface BoundedAttributes extends NumberTextAttributes {
  min: number;
  max: number;
}

/** An integer box clamped to [min, max] (BoundedIntTextModel). */
export class BoundedIntText extends BoundedWidget {
  constructor(options: WidgetOptions<BoundedAttributes> = {}) {
    super(
      controlSpec("BoundedIntText", "IntText"),
      { ...describedDefaults("DescriptionStyleModel"), disabled: false, continuous_update: false, step: 1, value: 0, min: 0, max: 100, ...options },
      INT_TRAITS,
    );
  }
}
export interface BoundedIntText extends BoundedAttributes {}

/** A number box clamped to [min, max] (BoundedFloatTextModel). */
export class BoundedFloatText extends BoundedWidget {
  constructor(options: WidgetOptions<BoundedAttributes> = {}) {
    super(
      controlSpec("BoundedFloatText", "FloatText"),
      { ...describedDefaults("DescriptionStyleModel"), disabled: false, continuous_update: false, step: null, value: 0, min: 0, max: 100, ...options },
      FLOAT_TRAITS,
    );
  }
}
export interface BoundedFloatText extends BoundedAttributes {}

interface ButtonAttributes extends Omit<DescribedAttributes, "description_allow_html"> {
  button_style: "" | "primary" | "success" | "info" | "warning" | "danger";
  disabled: boolean;
  icon: string;
}

/** A button (ButtonModel); a click arrives as a custom message { event: "click" }. */
export class Button extends Widget {
  constructor(options: WidgetOptions<ButtonAttributes> = {}) {
    const { description_allow_html: _unused, ...described } = describedDefaults("ButtonStyleModel");
    super(
      controlSpec("Button"),
      { ...described, button_style: "", disabled: false, icon: "", ...options },
      { description: unicode, tooltip: orNull(unicode), button_style: BUTTON_STYLE, disabled: bool, icon: unicode },
    );
  }

  /** Calls fn on every click in a front end. */
  onClick(fn: (button: Button) => void): void {
    this.onCustom((content) => {
      if (content.event === "click") fn(this);
    });
  }

  /** Clicks the button from the kernel, as a front end would. */
  click(): void {
    this.handleCustom({ event: "click" }, []);
  }
}
export interface Button extends ButtonAttributes {}

interface StringAttributes extends DescribedAttributes {
  value: string;
  placeholder: string;
}

/** Plain text (LabelModel). */
export class Label extends Widget {
  constructor(options: WidgetOptions<StringAttributes> = {}) {
    super(
      controlSpec("Label"),
      { ...describedDefaults("LabelStyleModel"), placeholder: PLACEHOLDER, value: "", ...options },
      { ...DESCRIBED_TRAITS, value: unicode, placeholder: unicode },
    );
  }
}
export interface Label extends StringAttributes {}

/** HTML (HTMLModel). */
export class HTML extends Widget {
  constructor(options: WidgetOptions<StringAttributes> = {}) {
    super(
      controlSpec("HTML"),
      { ...describedDefaults("HTMLStyleModel"), placeholder: PLACEHOLDER, value: "", ...options },
      { ...DESCRIBED_TRAITS, value: unicode, placeholder: unicode },
    );
  }
}
export interface HTML extends StringAttributes {}

/** HTML with LaTeX math (HTMLMathModel). */
export class HTMLMath extends Widget {
  constructor(options: WidgetOptions<StringAttributes> = {}) {
    super(
      controlSpec("HTMLMath"),
      { ...describedDefaults("HTMLMathStyleModel"), placeholder: PLACEHOLDER, value: "", ...options },
      { ...DESCRIBED_TRAITS, value: unicode, placeholder: unicode },
    );
  }
}
export interface HTMLMath extends StringAttributes {}

interface ProgressAttributes extends Omit<DescribedAttributes, never> {
  value: number;
  min: number;
  max: number;
  bar_style: "" | "success" | "info" | "warning" | "danger";
  orientation: "horizontal" | "vertical";
}

/** A progress bar over integers (IntProgressModel). */
export class IntProgress extends BoundedWidget {
  constructor(options: WidgetOptions<ProgressAttributes> = {}) {
    super(
      controlSpec("IntProgress", "Progress"),
      { ...describedDefaults("ProgressStyleModel"), bar_style: "", max: 100, min: 0, orientation: "horizontal", value: 0, ...options },
      { ...INT_TRAITS, bar_style: BAR_STYLE, orientation: ORIENTATION },
    );
  }
}
export interface IntProgress extends ProgressAttributes {}

/** A progress bar over reals (FloatProgressModel). */
export class FloatProgress extends BoundedWidget {
  constructor(options: WidgetOptions<ProgressAttributes> = {}) {
    super(
      controlSpec("FloatProgress", "Progress"),
      { ...describedDefaults("ProgressStyleModel"), bar_style: "", max: 100, min: 0, orientation: "horizontal", value: 0, ...options },
      { ...FLOAT_TRAITS, bar_style: orNull(BAR_STYLE), orientation: ORIENTATION },
    );
  }
}
export interface FloatProgress extends ProgressAttributes {}

interface PlayAttributes extends ValueAttributes<number> {
  interval: number;
  min: number;
  max: number;
  step: number;
  playing: boolean;
  repeat: boolean;
  show_repeat: boolean;
}

/** A play button that steps its value every `interval` ms in the browser (PlayModel). */
export class Play extends BoundedWidget {
  constructor(options: WidgetOptions<PlayAttributes> = {}) {
    super(
      controlSpec("Play"),
      {
        ...describedDefaults("DescriptionStyleModel"),
        disabled: false,
        interval: 100,
        max: 100,
        min: 0,
        playing: false,
        repeat: false,
        show_repeat: true,
        step: 1,
        value: 0,
        ...options,
      },
      PLAY_TRAITS,
    );
  }
}
export interface Play extends PlayAttributes {}
