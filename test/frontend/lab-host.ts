// What JupyterLab's page provides to a prebuilt extension, reduced to the test's needs: a webpack
// share scope holding the singletons the extension consumes instead of bundling.
import * as base from "@jupyter-widgets/base";
import * as luminoWidgets from "@lumino/widgets";

/** A share-scope entry as webpack's module federation expects it. */
function shared(version: string, module: object) {
  return { [version]: { get: () => Promise.resolve(() => module), loaded: 1, from: "lab-host" } };
}

(globalThis as { labHost?: unknown }).labHost = {
  base,
  shareScope: { "@jupyter-widgets/base": shared("6.0.12", base), "@lumino/widgets": shared("2.7.1", luminoWidgets) },
};
