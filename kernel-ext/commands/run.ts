import { dirname, resolve } from "node:path";
import { readNotebook, writeNotebook } from "../notebook/nbformat";
import { runNotebook } from "../notebook/run-notebook";

/**
 * `dslab run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout S]`: executes the notebook's code cells on
 * its kernel and writes the result (in place unless -o is given, as `jupyter nbconvert --inplace`).
 * Exits with 1 if a cell failed; the notebook is written either way, with the error in it.
 */
export async function runCommand(args: string[]): Promise<number> {
  let input: string | undefined;
  let output: string | undefined;
  let timeoutSeconds: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-o" || arg === "--output") output = args[++i];
    else if (arg === "--timeout") timeoutSeconds = Number(args[++i]);
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else if (!input) input = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (!input) throw new Error("usage: dslab run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout S]");
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) throw new Error(`invalid --timeout: ${timeoutSeconds} (expected a number of seconds > 0)`);
  const path = resolve(input);
  const started = Date.now();
  const result = await runNotebook(readNotebook(path), { cwd: dirname(path), timeoutSeconds });
  const out = resolve(output ?? path);
  writeNotebook(out, result.notebook);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== "ok") {
    const how = result.status === "dead" ? "the kernel died" : `ended with ${result.status}`;
    console.error(`${input}: cell ${result.failedCell! + 1}: ${how}; wrote ${out} (${seconds} s)`);
    return 1;
  }
  console.log(`${input}: ran in ${seconds} s; wrote ${out}`);
  return 0;
}
