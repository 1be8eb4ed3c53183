// The extension's module: the widget classes JupyterLab's widget manager loads for module "dslab".
export { FigureModel, FigureView, MODULE_NAME, MODULE_VERSION } from "../../figure-view";
