import { controlSpec, domDefaults, type DOMAttributes, type WidgetOptions } from "./dom-widget";
import { invalidType } from "../src/validate";
import { caselessEnum, orNull, type Trait, type Traits } from "./traits";
import { Widget, isWidget } from "./widget";

/** ipywidgets' TypedTuple(Instance(Widget)): children are widgets (from a front end, IPY_MODEL_ ids of live ones). */
const widgetList: Trait = (name, value) => {
  if (!Array.isArray(value) || !value.every(isWidget)) throw invalidType(name, value, "an array of widgets");
  return value;
};
const BOX_TRAITS: Traits = { children: widgetList, box_style: caselessEnum(["success", "info", "warning", "danger", ""]) };
const TITLED_TRAITS: Traits = {
  ...BOX_TRAITS,
  selected_index: orNull((name, value) => {
    if (typeof value !== "number" || !Number.isInteger(value)) throw invalidType(name, value, "an integer or null");
    return value;
  }),
};

interface BoxAttributes extends DOMAttributes {
  children: Widget[];
  box_style: "" | "success" | "info" | "warning" | "danger";
}

type BoxOptions = WidgetOptions<BoxAttributes>;

function boxState(children: Widget[], options: BoxOptions): BoxAttributes {
  return { ...domDefaults(), box_style: "", ...options, children };
}

/** Children side by side (HBoxModel). */
export class HBox extends Widget {
  constructor(children: Widget[] = [], options: BoxOptions = {}) {
    super(controlSpec("HBox"), boxState(children, options), BOX_TRAITS);
  }
}
export interface HBox extends BoxAttributes {}

/** Children stacked (VBoxModel). */
export class VBox extends Widget {
  constructor(children: Widget[] = [], options: BoxOptions = {}) {
    super(controlSpec("VBox"), boxState(children, options), BOX_TRAITS);
  }
}
export interface VBox extends BoxAttributes {}

/** Children on a CSS grid; set layout.grid_template_columns and friends (GridBoxModel). */
export class GridBox extends Widget {
  constructor(children: Widget[] = [], options: BoxOptions = {}) {
    super(controlSpec("GridBox"), boxState(children, options), BOX_TRAITS);
  }
}
export interface GridBox extends BoxAttributes {}

interface TitledAttributes extends BoxAttributes {
  selected_index: number | null;
  titles: string[];
}

/** Children in tabs (TabModel). */
export class Tab extends Widget {
  constructor(children: Widget[] = [], options: WidgetOptions<TitledAttributes> = {}) {
    super(
      controlSpec("Tab"),
      { selected_index: children.length > 0 ? 0 : null, titles: children.map(() => ""), ...boxState(children, options) },
      TITLED_TRAITS,
    );
  }
}
export interface Tab extends TitledAttributes {}

/** Children in collapsible sections (AccordionModel). */
export class Accordion extends Widget {
  constructor(children: Widget[] = [], options: WidgetOptions<TitledAttributes> = {}) {
    super(controlSpec("Accordion"), { selected_index: null, titles: children.map(() => ""), ...boxState(children, options) }, TITLED_TRAITS);
  }
}
export interface Accordion extends TitledAttributes {}
