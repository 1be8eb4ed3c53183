import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installKernelspec } from "../../kernel-ext/kernelspec";

/** Debian's Python, which has Jupyter's modules (`python3` on PATH may be another interpreter). */
export const PYTHON = "/usr/bin/python3";

/** True when CI=true: suites that need Jupyter or a browser must then run, not skip. */
export const IN_CI = process.env.CI === "true";

/** Whether Debian's Python can import every module named. */
export function hasPythonModules(...modules: string[]): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ["-c", modules.map((m) => `import ${m}`).join("; ")], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a suite that needs these tools should run: yes if they are there; if not, skip on a
 * developer machine but fail in CI, where missing tools mean a broken set-up.
 */
export function toolsAvailable(what: string, available: boolean): boolean {
  if (!available && IN_CI) throw new Error(`CI=true but ${what} is missing: .ci/run must install it`);
  return available;
}

/** Installs the dslab kernelspec into a fresh prefix and returns an environment whose JUPYTER_PATH finds it. */
export function kernelEnv(): NodeJS.ProcessEnv {
  const prefix = mkdtempSync(join(tmpdir(), "dslab-prefix-"));
  installKernelspec({ kind: "prefix", prefix });
  return { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter") };
}
