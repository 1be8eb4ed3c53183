// Serves a built test JupyterLab (build-lab.ts) in front of Debian's jupyter-server, one origin
// for the browser:
// - jupyter-server (/usr/bin/python3 -m jupyter_server, token, 127.0.0.1) serves what it serves
//   for JupyterLab: kernels, kernelspecs, sessions, contents and their websockets (proxied);
// - this server serves the page with its page config (federated_extensions read from the
//   labextensions folders of JUPYTER_PATH, as jupyterlab_server does), the bundle, the
//   federated extensions (/lab/extensions/), and in memory the APIs that only JupyterLab's
//   Python package (jupyterlab_server) provides: /lab/api/settings (schemas from the build,
//   user settings kept in memory), /lab/api/workspaces, /lab/api/translations, /lab/api/themes,
//   /lab/api/news and /lab/api/update (empty: no announcements); and /api/me, jupyter_server 2's
//   identity API that JupyterLab 4 asks for and Debian's jupyter-server 1.23 lacks.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { type IncomingMessage, type ServerResponse, createServer, request } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { LabBuild } from "./build-lab";
import { localServerPort } from "../../kernel-ext/client/kernel-ports";

const PYTHON = "/usr/bin/python3";

export interface LabServerOptions {
  /** The folder jupyter-server serves (notebooks are opened and saved there). */
  root: string;
  /** JUPYTER_PATH: where the kernelspecs and labextensions are. */
  jupyterPath: string;
  /** User settings to start from, by plugin id (raw JSON text). Default: none. */
  settings?: Record<string, string>;
}

export interface LabServer {
  url: string;
  token: string;
  /** The in-memory APIs requested, `METHOD path` (for the report). */
  served: Set<string>;
  /** Requests jupyter-server answered with an error or an HTML page (none expected). */
  unanswered: string[];
  /** User settings as saved through /lab/api/settings, by plugin id. */
  settings: Map<string, string>;
  /** jupyter-server's log. */
  log(): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
  ".png": "image/png",
  ".html": "text/html",
};

function sendFile(res: ServerResponse, base: string, relative: string): void {
  const file = normalize(join(base, decodeURIComponent(relative)));
  if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
}

function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON with comments and trailing commas, as JupyterLab writes user settings. */
function parseSettings(raw: string): unknown {
  try {
    return JSON.parse(raw.replace(/^\s*\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1"));
  } catch {
    return {};
  }
}

interface Schema {
  id: string;
  schema: unknown;
  version: string;
}

/** Setting schemas: schemas/<package>/<plugin>.json with the package's version, as jupyterlab_server lists them. */
function readSchemas(dirs: string[]): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const packages = readdirSync(dir).flatMap((n) => (n.startsWith("@") ? readdirSync(join(dir, n)).map((m) => `${n}/${m}`) : [n]));
    for (const pkg of packages) {
      const folder = join(dir, pkg);
      const orig = join(folder, "package.json.orig");
      const version = existsSync(orig) ? (JSON.parse(readFileSync(orig, "utf8")) as { version: string }).version : "0.0.0";
      for (const file of readdirSync(folder).filter((f) => f.endsWith(".json") && f !== "package.json")) {
        const id = `${pkg}:${file.slice(0, -".json".length)}`;
        schemas.set(id, { id, schema: JSON.parse(readFileSync(join(folder, file), "utf8")), version });
      }
    }
  }
  return schemas;
}

/** The prebuilt extensions in JUPYTER_PATH's labextensions folders, as jupyterlab_server finds them. */
function federatedExtensions(jupyterPath: string): { name: string; dir: string; data: Record<string, string> }[] {
  const found: { name: string; dir: string; data: Record<string, string> }[] = [];
  for (const base of jupyterPath.split(":").map((p) => join(p, "labextensions"))) {
    if (!existsSync(base)) continue;
    const names = readdirSync(base).flatMap((n) => (n.startsWith("@") ? readdirSync(join(base, n)).map((m) => `${n}/${m}`) : [n]));
    for (const name of names) {
      const dir = join(base, name);
      if (!existsSync(join(dir, "package.json")) || found.some((f) => f.name === name)) continue;
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { jupyterlab?: { _build?: Record<string, string> } };
      const build = pkg.jupyterlab?._build;
      if (!build?.load) continue;
      found.push({
        name,
        dir,
        data: {
          name,
          load: build.load,
          ...(build.extension ? { extension: build.extension } : {}),
          ...(build.mimeExtension ? { mimeExtension: build.mimeExtension } : {}),
          ...(build.style ? { style: build.style } : {}),
        },
      });
    }
  }
  return found;
}

async function waitForServer(url: string, token: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`jupyter-server exited (${child.exitCode}): ${log()}`);
    try {
      const res = await fetch(`${url}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`jupyter-server did not answer: ${log()}`);
}

/** Starts jupyter-server and the application's server in front of it. */
export async function startLab(build: LabBuild, options: LabServerOptions): Promise<LabServer> {
  const token = randomBytes(16).toString("hex");
  const jupyterPort = await localServerPort();
  const home = mkdtempSync(join(tmpdir(), "dslab-jupyter-home-"));
  const args = [
    "-m",
    "jupyter_server",
    `--ServerApp.token=${token}`,
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${jupyterPort}`,
    "--ServerApp.port_retries=0",
    "--ServerApp.open_browser=False",
    `--ServerApp.root_dir=${options.root}`,
  ];
  if (process.getuid?.() === 0) args.push("--allow-root");
  const child = spawn(PYTHON, args, {
    cwd: options.root,
    env: {
      ...process.env,
      JUPYTER_PATH: options.jupyterPath,
      JUPYTER_CONFIG_DIR: join(home, "config"),
      JUPYTER_DATA_DIR: join(home, "data"),
      JUPYTER_RUNTIME_DIR: join(home, "runtime"),
      CI: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let serverLog = "";
  child.stdout!.on("data", (d: Buffer) => (serverLog += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (serverLog += d.toString()));
  const log = () => serverLog.slice(-4000);
  const jupyterUrl = `http://127.0.0.1:${jupyterPort}`;
  await waitForServer(jupyterUrl, token, child, log);

  const extensions = federatedExtensions(options.jupyterPath);
  const schemas = readSchemas([build.schemasDir, ...extensions.map((e) => join(e.dir, "schemas"))]);
  const settings = new Map(Object.entries(options.settings ?? {}));
  const workspaces = new Map<string, unknown>();
  const served = new Set<string>();
  const unanswered: string[] = [];
  const pageConfig = {
    appName: "JupyterLab",
    appVersion: build.version,
    appUrl: "/lab",
    baseUrl: "/",
    wsUrl: "",
    token,
    fullAppUrl: "/lab",
    fullStaticUrl: "/static/lab",
    fullLabextensionsUrl: "/lab/extensions",
    settingsUrl: "/lab/api/settings",
    themesUrl: "/lab/api/themes",
    translationsApiUrl: "/lab/api/translations",
    workspacesApiUrl: "/lab/api/workspaces",
    treeUrl: "/lab/tree",
    treePath: "",
    serverRoot: options.root,
    federated_extensions: extensions.map((e) => e.data),
    disabledExtensions: [],
    deferredExtensions: [],
    exposeAppInBrowser: true,
    notebookStartsKernel: true,
    mode: "multiple-document",
    cacheFiles: false,
    devMode: false,
    buildAvailable: false,
    buildCheck: false,
    terminalsAvailable: false,
  };
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>JupyterLab</title><script id="jupyter-config-data" type="application/json">${JSON.stringify(pageConfig)}</script><script src="/static/lab/bundle.js"></script></head><body></body></html>`;

  const settingEntry = (id: string) => {
    const s = schemas.get(id)!;
    const raw = settings.get(id) ?? "{}";
    return { id, raw, schema: s.schema, settings: parseSettings(raw), version: s.version, last_modified: null, created: null };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (path === "/" || path === "/lab" || path.startsWith("/lab/tree") || path.startsWith("/lab/workspaces")) {
      res.writeHead(200, { "Content-Type": "text/html" }).end(page);
      return true;
    }
    if (path.startsWith("/static/lab/")) {
      sendFile(res, build.staticDir, path.slice("/static/lab/".length));
      return true;
    }
    if (path.startsWith("/lab/extensions/")) {
      const rest = path.slice("/lab/extensions/".length);
      const ext = extensions.find((e) => rest.startsWith(`${e.name}/`));
      if (ext) sendFile(res, ext.dir, rest.slice(ext.name.length + 1));
      else res.writeHead(404).end();
      return true;
    }
    if (path === "/api/me") {
      // jupyter_server 2's identity API, which JupyterLab 4 asks for; Debian's 1.23 has none.
      served.add("GET /api/me");
      sendJson(res, 200, {
        identity: { username: "student", name: "Student", display_name: "Student", initials: "S", avatar_url: null, color: null },
        permissions: {},
      });
      return true;
    }
    if (path.startsWith("/lab/api/")) served.add(`${method} ${path.replace(/^(\/lab\/api\/[a-z]+).*/, "$1")}`);
    if (path.startsWith("/lab/api/themes/")) {
      sendFile(res, build.themesDir, path.slice("/lab/api/themes/".length));
      return true;
    }
    if (path === "/lab/api/settings" || path === "/lab/api/settings/") {
      sendJson(res, 200, { settings: [...schemas.keys()].sort().map(settingEntry) });
      return true;
    }
    if (path.startsWith("/lab/api/settings/")) {
      const id = decodeURIComponent(path.slice("/lab/api/settings/".length));
      if (!schemas.has(id)) sendJson(res, 404, { message: `Schema not found: ${id}` });
      else if (method === "PUT") {
        settings.set(id, (JSON.parse(await body(req)) as { raw: string }).raw);
        sendJson(res, 204);
      } else sendJson(res, 200, settingEntry(id));
      return true;
    }
    if (path.startsWith("/lab/api/workspaces")) {
      const id = decodeURIComponent(path.slice("/lab/api/workspaces".length).replace(/^\//, ""));
      if (!id) sendJson(res, 200, { workspaces: { ids: [...workspaces.keys()], values: [...workspaces.values()] } });
      else if (method === "PUT") {
        workspaces.set(id, JSON.parse(await body(req)));
        sendJson(res, 204);
      } else if (method === "DELETE") {
        workspaces.delete(id);
        sendJson(res, 204);
      } else sendJson(res, 200, workspaces.get(id) ?? { data: {}, metadata: { id } });
      return true;
    }
    if (path === "/lab/api/news") {
      sendJson(res, 200, { news: [] });
      return true;
    }
    if (path === "/lab/api/update") {
      sendJson(res, 200, { notification: null });
      return true;
    }
    if (path.startsWith("/lab/api/translations")) {
      const locale = path.slice("/lab/api/translations".length).replace(/^\//, "");
      sendJson(res, 200, locale ? { data: {}, message: "" } : { data: { en: { displayName: "English", nativeName: "English" } }, message: "" });
      return true;
    }
    return false;
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .then((handled) => {
        if (handled) return;
        // Everything else is jupyter-server's (kernels, sessions, contents, kernelspecs).
        const upstream = request(`${jupyterUrl}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
          if (String(up.headers["content-type"]).startsWith("text/html") || (up.statusCode ?? 0) >= 400)
            unanswered.push(`${req.method} ${req.url?.replace(/token=[0-9a-f]+/, "token=…")} -> ${up.statusCode}`);
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        upstream.on("error", () => res.writeHead(502).end());
        req.pipe(upstream);
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  // Websockets (kernel channels) go straight through to jupyter-server.
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
    const up = connect(jupyterPort, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length > 0) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on("error", () => socket.destroy());
    socket.on("error", () => up.destroy());
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    served,
    unanswered,
    settings,
    log,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
  };
}
