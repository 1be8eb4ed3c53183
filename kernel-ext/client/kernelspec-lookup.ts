import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { jupyterDataPath } from "../jupyter-paths";

/** A kernelspec as kernel.json describes it. */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode?: "signal" | "message";
  env?: Record<string, string>;
  /** Where it was found. */
  resourceDir: string;
}

/** Finds a kernelspec by name in Jupyter's data path (first match wins), as jupyter_client does. */
export function findKernelSpec(name: string, env: NodeJS.ProcessEnv = process.env): KernelSpec {
  const searched: string[] = [];
  for (const dir of jupyterDataPath(env)) {
    const resourceDir = join(dir, "kernels", name);
    searched.push(resourceDir);
    const file = join(resourceDir, "kernel.json");
    if (existsSync(file)) return { ...(JSON.parse(readFileSync(file, "utf8")) as Omit<KernelSpec, "resourceDir">), resourceDir };
  }
  throw new Error(`no kernelspec named ${JSON.stringify(name)} (searched ${searched.join(", ")}); install it with \`dslab kernel install\``);
}
