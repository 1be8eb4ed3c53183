import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { localServerPort } from "../../../kernel-ext/client/kernel-ports";
import { PYTHON } from "../../helpers/jupyter";

/** A running Debian jupyter-server. */
export interface JupyterServer {
  url: string;
  token: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts `python3 -m jupyter_server` on a free port with a fresh token; resolves once it answers. */
export async function startJupyterServer(env: NodeJS.ProcessEnv, cwd: string): Promise<JupyterServer> {
  const port = await localServerPort();
  const token = randomBytes(16).toString("hex");
  const child: ChildProcess = spawn(
    PYTHON,
    ["-m", "jupyter_server", "--allow-root", "--no-browser", `--ServerApp.token=${token}`, `--port=${port}`, "--ip=127.0.0.1", `--ServerApp.root_dir=${cwd}`],
    { env, cwd, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout?.on("data", (d) => (log += String(d)));
  child.stderr?.on("data", (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jupyter-server exited: ${log}`);
    try {
      const response = await fetch(`${url}/api/status?token=${token}`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`jupyter-server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    token,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
