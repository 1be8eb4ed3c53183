import { HTMLManager } from "@jupyter-widgets/html-manager/lib/htmlmanager";
import { dslabClass } from "./dslab-module";
import { PLOTLY_RENDERER_FACTORY } from "./labextension/src/mime";

/**
 * An HTMLManager (controls, output) that also knows module "dslab" (Figure), and draws plotly
 * outputs (what display(figure) sends) in Output widgets, as JupyterLab does with dslab's extension.
 */
export class DslabHtmlManager extends HTMLManager {
  constructor(options?: ConstructorParameters<typeof HTMLManager>[0]) {
    super(options);
    this.renderMime.addFactory(PLOTLY_RENDERER_FACTORY as Parameters<HTMLManager["renderMime"]["addFactory"]>[0], 0);
  }

  protected override loadClass(className: string, moduleName: string, moduleVersion: string): ReturnType<HTMLManager["loadClass"]> {
    return (dslabClass(className, moduleName) as ReturnType<HTMLManager["loadClass"]> | undefined) ?? super.loadClass(className, moduleName, moduleVersion);
  }
}
