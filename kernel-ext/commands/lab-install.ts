import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { dataDirFor, parseInstallScope } from "../jupyter-paths";
import { packageRoot } from "../package-root";

/** Where the prebuilt JupyterLab extension is built (npm run build). */
export function labextensionDir(): string {
  return join(packageRoot(), "dist", "labextension");
}

/**
 * `dslab lab install [--user | --sys-prefix | --prefix DIR]`: copies the prebuilt JupyterLab
 * extension into DATA_DIR/labextensions/<its package name>, where JupyterLab 4 finds prebuilt
 * extensions without a rebuild.
 */
export async function labInstallCommand(args: string[]): Promise<number> {
  const source = labextensionDir();
  const metadata = join(source, "package.json");
  if (!existsSync(metadata)) throw new Error(`${source} is missing: run \`npm run build\` first`);
  const { name } = JSON.parse(readFileSync(metadata, "utf8")) as { name: string };
  const target = join(dataDirFor(parseInstallScope(args)), "labextensions", name);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
  console.log(`Installed the JupyterLab extension ${name} in ${target}`);
  return 0;
}
