import { BASE, CONTROLS } from "./version";
import { Widget } from "./widget";

/** CSS layout of a widget (LayoutModel): every attribute a CSS property, null when unset. */
export class Layout extends Widget {
  constructor(options: Partial<Record<LayoutProperty, string | null>> = {}) {
    const state: Record<string, unknown> = {};
    for (const key of LAYOUT_PROPERTIES) state[key] = null;
    super({ model: { ...BASE, name: "LayoutModel" }, view: { ...BASE, name: "LayoutView" } }, { ...state, ...options });
  }
}
export interface Layout extends Record<LayoutProperty, string | null> {}

const LAYOUT_PROPERTIES = [
  "align_content",
  "align_items",
  "align_self",
  "border_bottom",
  "border_left",
  "border_right",
  "border_top",
  "bottom",
  "display",
  "flex",
  "flex_flow",
  "grid_area",
  "grid_auto_columns",
  "grid_auto_flow",
  "grid_auto_rows",
  "grid_column",
  "grid_gap",
  "grid_row",
  "grid_template_areas",
  "grid_template_columns",
  "grid_template_rows",
  "height",
  "justify_content",
  "justify_items",
  "left",
  "margin",
  "max_height",
  "max_width",
  "min_height",
  "min_width",
  "object_fit",
  "object_position",
  "order",
  "overflow",
  "padding",
  "right",
  "top",
  "visibility",
  "width",
] as const;
/** A CSS property a Layout sets. */
export type LayoutProperty = (typeof LAYOUT_PROPERTIES)[number];

const FONT = { font_family: null, font_size: null, font_style: null, font_variant: null, font_weight: null, text_color: null, text_decoration: null };

/** The style models of @jupyter-widgets/controls, with their own attributes and defaults. */
export const STYLE_DEFAULTS = {
  DescriptionStyleModel: { description_width: "" },
  SliderStyleModel: { description_width: "", handle_color: null },
  ButtonStyleModel: { button_color: null, ...FONT },
  CheckboxStyleModel: { background: null, description_width: "" },
  ProgressStyleModel: { bar_color: null, description_width: "" },
  ToggleButtonStyleModel: { description_width: "", ...FONT },
  ToggleButtonsStyleModel: { button_width: "", description_width: "", font_weight: "" },
  TextStyleModel: { background: null, description_width: "", font_size: null, text_color: null },
  HTMLStyleModel: { background: null, description_width: "", font_size: null, text_color: null },
  HTMLMathStyleModel: { background: null, description_width: "", font_size: null, text_color: null },
  LabelStyleModel: { background: null, description_width: "", ...FONT },
} as const;

/** The name of a style model. */
export type StyleModelName = keyof typeof STYLE_DEFAULTS;

/** The style of a control (description width, colours, fonts): a model of its own, viewed by the base StyleView. */
export class Style extends Widget {
  constructor(modelName: StyleModelName, options: Record<string, unknown> = {}) {
    super({ model: { ...CONTROLS, name: modelName }, view: { ...BASE, name: "StyleView" } }, { ...STYLE_DEFAULTS[modelName], ...options });
  }
}
