import { ClusterExplorerModel, ClusterExplorerView } from "./cluster-explorer-view";
import { FigureModel, FigureView, MODULE_NAME, MODULE_VERSION } from "./figure-view";

/** The classes of module "dslab", as a widget manager's registry expects them. */
export const DSLAB_EXPORTS = { FigureModel, FigureView, ClusterExplorerModel, ClusterExplorerView };

/** The dslab class a widget manager asked for, or undefined when the module is not ours. */
export function dslabClass(className: string, moduleName: string): Promise<unknown> | undefined {
  if (moduleName !== MODULE_NAME) return undefined;
  const found = (DSLAB_EXPORTS as Record<string, unknown>)[className];
  return found ? Promise.resolve(found) : Promise.reject(new Error(`${MODULE_NAME} ${MODULE_VERSION} has no class ${className}`));
}
