// The classroom set-ups README describes, run as written: Binder's postBuild in a fresh copy of
// the repository, and a hub's install into a shared prefix; in both, Debian's jupyter-client
// finds the "dslab" kernelspec where they put it and starts a kernel that runs dslab.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PYTHON, hasPythonModules, toolsAvailable } from "../helpers/jupyter";

const root = join(__dirname, "..", "..");
const available = toolsAvailable("jupyter-client", hasPythonModules("jupyter_client"));

/** Starts the "dslab" kernel through jupyter-client from JUPYTER_PATH, runs one cell, prints what came back. */
const CLIENT = `
import json, sys
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
spec_dir = KernelSpecManager().find_kernel_specs().get("dslab")
km, kc = start_new_kernel(kernel_name="dslab", startup_timeout=120)
results = []
def hook(msg):
    if msg["msg_type"] == "execute_result":
        results.append(msg["content"]["data"]["text/plain"])
try:
    reply = kc.execute_interactive(sys.argv[1], timeout=120, output_hook=hook)
    print(json.dumps({"spec_dir": spec_dir, "status": reply["content"]["status"], "results": results}))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;

const CELL = 'import { failure } from "dslab";\nfailure.anyFailureProbability({ n: 100, p: 0.01 }).toFixed(3)';

function runCell(jupyterPath: string, cwd: string): { spec_dir: string; status: string; results: string[] } {
  const script = join(mkdtempSync(join(tmpdir(), "dslab-client-")), "client.py");
  writeFileSync(script, CLIENT);
  const out = execFileSync(PYTHON, [script, CELL], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: mkdtempSync(join(tmpdir(), "dslab-data-")) },
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** The environment a fresh clone's scripts run in: no npm variables inherited from `npm test`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== "INIT_CWD"));
  return { ...env, CONDA_PREFIX: "", VIRTUAL_ENV: "", ...extra };
}

describe.runIf(available)("classroom set-ups", () => {
  it("Binder: postBuild in a fresh copy of the repository builds dslab and installs the kernelspec and the JupyterLab extension into the environment, whose kernel runs the chapters' library", () => {
    // The repository's files as a clone has them (tracked and not ignored), nothing built.
    const clone = mkdtempSync(join(tmpdir(), "dslab-clone-"));
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((f) => f && existsSync(join(root, f)));
    for (const file of files) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      copyFileSync(join(root, file), join(clone, file));
    }
    expect(existsSync(join(clone, "node_modules"))).toBe(false);
    const env = mkdtempSync(join(tmpdir(), "dslab-binder-env-"));
    execFileSync("bash", ["postBuild"], { cwd: clone, stdio: "pipe", env: cleanEnv({ NB_PYTHON_PREFIX: env, npm_config_prefer_offline: "true" }) });

    const share = join(env, "share", "jupyter");
    const spec = JSON.parse(readFileSync(join(share, "kernels", "dslab", "kernel.json"), "utf8")) as { argv: string[] };
    expect(spec.argv.join(" ")).toContain(clone);
    const extension = JSON.parse(readFileSync(join(share, "labextensions", "dslab-jupyterlab", "package.json"), "utf8")) as {
      jupyterlab: { _build: { load: string } };
    };
    expect(existsSync(join(share, "labextensions", "dslab-jupyterlab", extension.jupyterlab._build.load))).toBe(true);
    expect(runCell(share, join(clone, "notebooks"))).toEqual({ spec_dir: join(share, "kernels", "dslab"), status: "ok", results: ["'0.634'"] });
  }, 900_000);

  it("JupyterHub: `dslab kernel install --prefix` and `dslab lab install --prefix` into a shared prefix; jupyter-client finds the kernel there and it runs a cell", () => {
    const prefix = mkdtempSync(join(tmpdir(), "dslab-hub-"));
    for (const what of ["kernel", "lab"])
      execFileSync(process.execPath, [join(root, "bin", "dslab.js"), what, "install", "--prefix", prefix], { stdio: "pipe" });
    const share = join(prefix, "share", "jupyter");
    expect(existsSync(join(share, "labextensions", "dslab-jupyterlab", "package.json"))).toBe(true);
    // A folder outside the repository, as a student's home on a hub.
    const home = mkdtempSync(join(tmpdir(), "dslab-student-"));
    expect(runCell(share, home)).toEqual({ spec_dir: join(share, "kernels", "dslab"), status: "ok", results: ["'0.634'"] });
  }, 300_000);
});
