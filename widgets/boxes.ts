import { controlSpec, domDefaults, type DOMAttributes, type WidgetOptions } from "./dom-widget";
import { Widget } from "./widget";

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
    super(controlSpec("HBox"), boxState(children, options));
  }
}
export interface HBox extends BoxAttributes {}

/** Children stacked (VBoxModel). */
export class VBox extends Widget {
  constructor(children: Widget[] = [], options: BoxOptions = {}) {
    super(controlSpec("VBox"), boxState(children, options));
  }
}
export interface VBox extends BoxAttributes {}

/** Children on a CSS grid; set layout.grid_template_columns and friends (GridBoxModel). */
export class GridBox extends Widget {
  constructor(children: Widget[] = [], options: BoxOptions = {}) {
    super(controlSpec("GridBox"), boxState(children, options));
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
    super(controlSpec("Tab"), { selected_index: children.length > 0 ? 0 : null, titles: children.map(() => ""), ...boxState(children, options) });
  }
}
export interface Tab extends TitledAttributes {}

/** Children in collapsible sections (AccordionModel). */
export class Accordion extends Widget {
  constructor(children: Widget[] = [], options: WidgetOptions<TitledAttributes> = {}) {
    super(controlSpec("Accordion"), { selected_index: null, titles: children.map(() => ""), ...boxState(children, options) });
  }
}
export interface Accordion extends TitledAttributes {}
