/** Model and view modules and versions, as JupyterLab 4's widget manager (ipywidgets 8) knows them. */
export const CONTROLS = { module: "@jupyter-widgets/controls", version: "2.0.0" } as const;
export const BASE = { module: "@jupyter-widgets/base", version: "2.0.0" } as const;
export const OUTPUT = { module: "@jupyter-widgets/output", version: "1.0.0" } as const;
/** Our own models (Figure), rendered by dslab's front end. */
export const DSLAB = { module: "dslab", version: "0.1.0" } as const;
/** The widget protocol version sent in comm_open metadata. */
export const PROTOCOL_VERSION = "2.1.0";
/** The MIME type of a widget view in a display bundle. */
export const WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json";
