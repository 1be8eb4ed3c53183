// The browser side of dslab's widgets. Entry points with side effects (handout-widgets.ts, the
// labextension's plugin and mime modules) are built on their own and not re-exported here.
export { DSLAB_EXPORTS, dslabClass } from "./dslab-module";
export { ClusterExplorerModel, ClusterExplorerView } from "./cluster-explorer-view";
export { DslabHtmlManager } from "./dslab-html-manager";
export { FigureModel, FigureView, MODULE_NAME, MODULE_VERSION } from "./figure-view";
export { KernelWidgetManager } from "./kernel-widget-manager";
export { plotly, type PlotlyApi } from "./plotly";
