import { homedir } from "node:os";
import { join } from "node:path";

/** Where to install: the user's data dir, the active environment's, or an explicit prefix. */
export type InstallScope = { kind: "user" } | { kind: "sys-prefix" } | { kind: "prefix"; prefix: string };

/**
 * The user's Jupyter data dir, as jupyter_core computes it: $JUPYTER_DATA_DIR, else
 * ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows, $XDG_DATA_HOME/jupyter or
 * ~/.local/share/jupyter elsewhere.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return join(homedir(), "Library", "Jupyter");
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "jupyter");
  return join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "jupyter");
}

/**
 * The prefix of the active Python environment (conda or venv), which is what Jupyter's
 * `--sys-prefix` means. Throws if none is active, since Node cannot know Python's sys.prefix.
 */
export function sysPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env.CONDA_PREFIX || env.VIRTUAL_ENV;
  if (!prefix) throw new Error("--sys-prefix needs an active conda or virtual environment (CONDA_PREFIX or VIRTUAL_ENV is unset); use --user or --prefix DIR");
  return prefix;
}

/** The Jupyter data dir for an install scope: <prefix>/share/jupyter, or the user's data dir. */
export function dataDirFor(scope: InstallScope, env: NodeJS.ProcessEnv = process.env): string {
  switch (scope.kind) {
    case "user":
      return userDataDir(env);
    case "sys-prefix":
      return join(sysPrefix(env), "share", "jupyter");
    case "prefix":
      return join(scope.prefix, "share", "jupyter");
  }
}

/**
 * Every data dir Jupyter searches, first match wins: $JUPYTER_PATH entries, the user's dir,
 * the active environment's, then the system dirs.
 */
export function jupyterDataPath(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.JUPYTER_PATH) dirs.push(...env.JUPYTER_PATH.split(process.platform === "win32" ? ";" : ":").filter(Boolean));
  dirs.push(userDataDir(env));
  const prefix = env.CONDA_PREFIX || env.VIRTUAL_ENV;
  if (prefix) dirs.push(join(prefix, "share", "jupyter"));
  dirs.push("/usr/local/share/jupyter", "/usr/share/jupyter");
  return [...new Set(dirs)];
}

/** Parses --user | --sys-prefix | --prefix DIR from argv (user by default). */
export function parseInstallScope(args: readonly string[]): InstallScope {
  let scope: InstallScope = { kind: "user" };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--user") scope = { kind: "user" };
    else if (arg === "--sys-prefix") scope = { kind: "sys-prefix" };
    else if (arg === "--prefix") {
      const prefix = args[++i];
      if (!prefix) throw new Error("--prefix needs a directory");
      scope = { kind: "prefix", prefix };
    } else if (arg.startsWith("--prefix=")) scope = { kind: "prefix", prefix: arg.slice("--prefix=".length) };
    else throw new Error(`unknown option ${arg} (expected --user, --sys-prefix or --prefix DIR)`);
  }
  return scope;
}
