import { IJupyterWidgetRegistry } from "@jupyter-widgets/base";
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { DSLAB_EXPORTS } from "../../dslab-module";
import { MODULE_NAME, MODULE_VERSION } from "../../figure-view";

/** Registers dslab's widget module with JupyterLab's widget manager (jupyterlab_widgets). */
const plugin: JupyterFrontEndPlugin<void> = {
  id: "dslab-jupyterlab:widgets",
  description: "dslab's Figure widget (plotly.js)",
  requires: [IJupyterWidgetRegistry],
  autoStart: true,
  activate(_app: JupyterFrontEnd, registry: IJupyterWidgetRegistry) {
    registry.registerWidget({ name: MODULE_NAME, version: MODULE_VERSION, exports: DSLAB_EXPORTS });
  },
};

// JupyterLab loads an extension module's default export; this is the one default export in dslab.
export default plugin;
