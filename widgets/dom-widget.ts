import { Layout, Style, type StyleModelName } from "./styles";
import { CONTROLS, type DSLAB, type OUTPUT } from "./version";
import type { ModelSpec } from "./widget";

/** Attributes every DOM widget has (DOMWidgetModel). */
export interface DOMAttributes {
  _dom_classes: string[];
  layout: Layout;
  tabbable: boolean | null;
  tooltip: string | null;
}

/** Attributes of widgets with a description label and a style. */
export interface DescribedAttributes extends DOMAttributes {
  description: string;
  description_allow_html: boolean;
  style: Style;
}

/** The DOM widget defaults; a new Layout each time, as ipywidgets does. */
export function domDefaults(): DOMAttributes {
  return { _dom_classes: [], layout: new Layout(), tabbable: null, tooltip: null };
}

/** DOM defaults plus a description and a style of the given model. */
export function describedDefaults(style: StyleModelName): DescribedAttributes {
  return { ...domDefaults(), description: "", description_allow_html: false, style: new Style(style) };
}

/** The spec of a @jupyter-widgets/controls model whose view is "<Name>View" (or the view given). */
export function controlSpec(name: string, view = name, module: typeof CONTROLS | typeof OUTPUT | typeof DSLAB = CONTROLS): ModelSpec {
  return { model: { ...module, name: `${name}Model` }, view: { ...module, name: `${view}View` } };
}

/** Options a widget constructor takes: any of its attributes except the model's identity. */
export type WidgetOptions<A> = Partial<Omit<A, `_${string}`>>;
