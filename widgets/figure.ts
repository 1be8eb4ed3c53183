import { kernelApi, type MimeBundle } from "../kernel-ext/api";
import { controlSpec, domDefaults, type DOMAttributes } from "./dom-widget";
import { DSLAB, WIDGET_VIEW_MIME } from "./version";
import { Widget } from "./widget";

/** A plotly trace: plain data (type, x, y, mode, name, marker, ...). */
export type Trace = Record<string, unknown>;

interface FigureAttributes extends DOMAttributes {
  /** plotly traces. */
  data: Trace[];
  /** plotly layout (the widget's own `layout` is its CSS Layout, as for every DOM widget). */
  plot_layout: Record<string, unknown>;
  /** plotly config. */
  config: Record<string, unknown>;
}

/** A plotly figure as plain data. */
export interface FigureSpec {
  data?: Trace[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/**
 * A live plotly figure (FigureModel of module "dslab"): the kernel holds data and layout; the
 * front end redraws in place with Plotly.react, keeping the reader's zoom when only data changes.
 */
export class Figure extends Widget {
  constructor(figure: FigureSpec = {}) {
    super(controlSpec("Figure", "Figure", DSLAB), {
      ...domDefaults(),
      data: figure.data ?? [],
      plot_layout: figure.layout ?? {},
      config: { responsive: true, displaylogo: false, ...(figure.config ?? {}) },
    });
  }

  /** Replaces data and/or layout in one update message. */
  update(figure: FigureSpec): void {
    const values: Record<string, unknown> = {};
    if (figure.data) values.data = figure.data;
    if (figure.layout) values.plot_layout = figure.layout;
    if (figure.config) values.config = { ...this.get<Record<string, unknown>>("config"), ...figure.config };
    this.set(values);
  }

  /** The figure as plain plotly data. */
  toJSON(): Required<FigureSpec> {
    return { data: this.get("data"), layout: this.get("plot_layout"), config: this.get("config") };
  }

  /** The widget view, with a static plotly rendering for front ends without dslab's extension. */
  [Symbol.for("Jupyter.display")](): MimeBundle {
    const api = kernelApi();
    const fallback = api ? api.toBundle({ data: this.get("data"), layout: this.get("plot_layout") }) : {};
    return {
      ...fallback,
      [WIDGET_VIEW_MIME]: { version_major: 2, version_minor: 0, model_id: this.modelId },
      "text/plain": `Figure with ${this.get<Trace[]>("data").length} traces`,
    };
  }
}
export interface Figure extends Omit<FigureAttributes, "data"> {
  readonly data: Trace[];
}
