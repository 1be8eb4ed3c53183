// The browser bundle a handout inlines: renders saved widget state with no kernel and no
// network, using the real @jupyter-widgets HTMLManager plus dslab's own views.
import { HTMLManager } from "@jupyter-widgets/html-manager";
import { renderWidgets } from "@jupyter-widgets/html-manager/lib/libembed";
import { FigureModel, FigureView, MODULE_NAME } from "./figure-view";
import { plotly } from "./plotly";

class HandoutManager extends HTMLManager {
  protected loadClass(className: string, moduleName: string, moduleVersion: string): ReturnType<HTMLManager["loadClass"]> {
    if (moduleName === MODULE_NAME) {
      const classes: Record<string, unknown> = { FigureModel, FigureView };
      const found = classes[className];
      if (!found) return Promise.reject(new Error(`dslab has no class ${className}`));
      return Promise.resolve(found as never);
    }
    return super.loadClass(className, moduleName, moduleVersion);
  }
}

/** Renders every saved widget view in the page (or element); resolves when all are drawn. */
async function renderSavedWidgets(root: Document | HTMLElement = document): Promise<void> {
  const element = root instanceof Document ? root.documentElement : root;
  await renderWidgets(() => new HandoutManager(), element);
  document.body.classList.add("dslab-widgets-rendered");
}

(globalThis as { Plotly?: unknown }).Plotly ??= plotly();
(globalThis as { dslabWidgets?: unknown }).dslabWidgets = { renderSavedWidgets };
