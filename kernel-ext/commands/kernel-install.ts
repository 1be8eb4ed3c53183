import { parseInstallScope } from "../jupyter-paths";
import { installKernelspec } from "../kernelspec";

/** `dslab kernel install [--user | --sys-prefix | --prefix DIR]`: writes the "dslab" kernelspec. */
export async function kernelInstallCommand(args: string[]): Promise<number> {
  const dir = installKernelspec(parseInstallScope(args));
  console.log(`Installed the dslab kernelspec in ${dir}`);
  return 0;
}
