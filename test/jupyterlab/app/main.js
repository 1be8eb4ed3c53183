// The application's main(), following JupyterLab 4's index.js template: built-in extensions are
// imported from the bundle, federated ones are created from their containers (window._JUPYTERLAB)
// by the module names their package.json's jupyterlab._build gives, and all are registered with
// JupyterLab. registerPluginModules is the API every JupyterLab 4.x has.
import { PageConfig } from "@jupyterlab/coreutils";

async function createModule(scope, module) {
  const factory = await window._JUPYTERLAB[scope].get(module);
  const instance = factory();
  instance.__scope__ = scope;
  return instance;
}

/** Plugins of an extension module (ES default export or CommonJS). */
function pluginsOf(extension) {
  const exports = Object.hasOwn(extension, "__esModule") ? extension.default : extension;
  const plugins = Array.isArray(exports) ? exports : [exports];
  return plugins.filter((p) => !PageConfig.Extension.isDisabled(p.id));
}

/**
 * @param builtins `{ extensions, mimeExtensions }`: functions that import each bundled extension.
 */
export async function start(builtins) {
  const { JupyterLab } = await import("@jupyterlab/application");
  const federated = JSON.parse(PageConfig.getOption("federated_extensions") || "[]");
  const federatedNames = federated.map((d) => d.name);
  const mimeExtensions = [];
  const register = [];
  for (const load of builtins.mimeExtensions) mimeExtensions.push(...pluginsOf(await load()));
  for (const data of federated) if (data.mimeExtension) mimeExtensions.push(...pluginsOf(await createModule(data.name, data.mimeExtension)));
  for (const [name, load] of builtins.extensions) if (!federatedNames.includes(name)) register.push(...pluginsOf(await load()));
  for (const data of federated) {
    if (data.extension) register.push(...pluginsOf(await createModule(data.name, data.extension)));
    if (data.style) await createModule(data.name, data.style);
  }
  const lab = new JupyterLab({ mimeExtensions, disabled: { matches: [], patterns: [] }, deferred: { matches: [], patterns: [] } });
  lab.registerPluginModules(register);
  await lab.start({ ignorePlugins: [], bubblingKeydown: true });
  if (PageConfig.getOption("exposeAppInBrowser").toLowerCase() === "true") window.jupyterapp = lab;
}
