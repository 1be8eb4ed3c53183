// The widget controls a reader of a live handout sets, by model name: shared by the browser test
// (which sets each one and compares the figure) and the bench (which times the redraw).

/** Controls set by a number or a choice: a key on a slider, an option, a number typed. */
export const NUMBER_AND_CHOICE_CONTROLS: readonly string[] = [
  "IntSliderModel",
  "FloatSliderModel",
  "FloatLogSliderModel",
  "DropdownModel",
  "FloatTextModel",
  "IntTextModel",
  "BoundedIntTextModel",
  "BoundedFloatTextModel",
];

/** Every control a reader can set: also free text and a check box. */
export const READER_CONTROLS: ReadonlySet<string> = new Set([...NUMBER_AND_CHOICE_CONTROLS, "TextModel", "CheckboxModel"]);
