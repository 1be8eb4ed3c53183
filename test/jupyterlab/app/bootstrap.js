// The test application's entry, as JupyterLab's own bootstrap.js does it: first load every
// federated extension's remoteEntry listed in the page config and initialise its container with
// the application's webpack share scope (so shared singletons are deduplicated), then import the
// application. Written for dslab's tests; the steps follow @jupyterlab/builder's template.

function pageOption(name) {
  const el = document.getElementById("jupyter-config-data");
  return (el ? JSON.parse(el.textContent || "{}") : {})[name] || "";
}

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.onerror = reject;
    script.onload = resolve;
    script.async = true;
    document.head.appendChild(script);
    script.src = url;
  });
}

async function loadComponent(url, scope) {
  await loadScript(url);
  await __webpack_init_sharing__("default");
  const container = window._JUPYTERLAB[scope];
  await container.init(__webpack_share_scopes__.default);
}

void (async function bootstrap() {
  const listed = pageOption("federated_extensions") || [];
  const extensions = typeof listed === "string" ? JSON.parse(listed) : listed;
  const base = pageOption("fullLabextensionsUrl");
  const loaded = await Promise.allSettled(extensions.map((data) => loadComponent(`${base}/${data.name}/${data.load}`, data.name)));
  for (const result of loaded) if (result.status === "rejected") console.error(result.reason);
  const { main } = await import("./index.out.js");
  if (document.readyState === "complete") void main();
  else window.addEventListener("load", () => void main());
})();
