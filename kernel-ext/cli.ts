import { kernelCommand } from "./commands/kernel";
import { kernelInstallCommand } from "./commands/kernel-install";
import { labInstallCommand } from "./commands/lab-install";
import { runCommand } from "./commands/run";

/** A subcommand: takes its own arguments, resolves to an exit code. */
export type Command = (args: string[]) => Promise<number>;

const USAGE = `usage:
  dslab kernel --config-path CONNECTION_FILE      run the kernel (what the kernelspec starts)
  dslab kernel install [--user | --sys-prefix | --prefix DIR]
                                                  write the "dslab" kernelspec
  dslab lab install [--user | --sys-prefix | --prefix DIR]
                                                  copy the JupyterLab extension into labextensions/
  dslab run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout S]
                                                  execute a notebook's cells and save the outputs`;

/** Dispatches `dslab <command> ...` and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, second, ...rest] = argv;
  try {
    if (first === "kernel" && second === "install") return await kernelInstallCommand(rest);
    if (first === "kernel") return await kernelCommand(argv.slice(1));
    if (first === "lab" && second === "install") return await labInstallCommand(rest);
    if (first === "run") return await runCommand(argv.slice(1));
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
