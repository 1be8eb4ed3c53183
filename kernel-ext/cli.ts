/** A subcommand: takes its own arguments, resolves to an exit code. */
export type Command = (args: string[]) => Promise<number>;

/** How this process started. */
export interface CliContext {
  /** From the kernel's start-up snapshot (start-from-snapshot.ts): `dslab kernel` runs here. */
  startedFromSnapshot?: boolean;
}

const USAGE = `usage:
  dslab kernel --config-path CONNECTION_FILE      run the kernel (what the kernelspec starts)
  dslab kernel install [--user | --sys-prefix | --prefix DIR]
                                                  write the "dslab" kernelspec
  dslab lab install [--user | --sys-prefix | --prefix DIR]
                                                  copy the JupyterLab extension into labextensions/
  dslab run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout S]
                                                  execute a notebook's cells and save the outputs`;

/**
 * Dispatches `dslab <command> ...` and returns the process exit code. Each command's modules
 * are required only when it runs: the kernel loads TypeScript, the others do not.
 */
export async function main(argv: string[], context: CliContext = {}): Promise<number> {
  const [first, second, ...rest] = argv;
  try {
    if (first === "kernel" && second === "install")
      return await (require("./commands/kernel-install") as typeof import("./commands/kernel-install.js")).kernelInstallCommand(rest);
    if (first === "kernel") return await kernel(argv.slice(1), context);
    if (first === "lab" && second === "install")
      return await (require("./commands/lab-install") as typeof import("./commands/lab-install.js")).labInstallCommand(rest);
    if (first === "run") return await (require("./commands/run") as typeof import("./commands/run.js")).runCommand(argv.slice(1));
    if (first === "--help" || first === "-h" || first === "help") {
      console.log(USAGE);
      return 0;
    }
    console.error(first === undefined ? USAGE : `dslab: unknown command ${JSON.stringify(argv.join(" "))}\n${USAGE}`);
    return 2;
  } catch (error) {
    console.error(`dslab: ${(error as Error).message}`);
    return 1;
  }
}

/** `dslab kernel ...`: from the snapshot when this Node.js can, else here, with the build's patched TypeScript. */
async function kernel(args: string[], context: CliContext): Promise<number> {
  if (!context.startedFromSnapshot) {
    const { packageRoot } = require("./package-root") as typeof import("./package-root.js");
    const { launchFromSnapshot } = require("./snapshot/launch-kernel") as typeof import("./snapshot/launch-kernel.js");
    if (launchFromSnapshot(packageRoot(), ["kernel", ...args])) return new Promise<number>(() => undefined);
    const { providePatchedTypescript } = require("./kernel/patched-typescript") as typeof import("./kernel/patched-typescript.js");
    providePatchedTypescript(packageRoot());
  }
  return (require("./commands/kernel") as typeof import("./commands/kernel.js")).kernelCommand(args);
}
