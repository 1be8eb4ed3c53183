// Writes the snapshot plan: runs a code runner from the current directory (notebooks/), type-
// checks a cell that imports dslab, and records the declaration files TypeScript read and the
// options tslab compiled with. Run as `node dist/kernel-ext/snapshot/record-declarations.js PLAN`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as ts from "@tslab/typescript-for-tslab";
import type { PreparsedText } from "./preparsed-files";
import type { SnapshotPlan } from "./snapshot-plan";
import { textHash } from "./text-hash";
import { patchedTypescript } from "../kernel/patched-typescript";
import { identifyFile } from "../kernel/preparsed-system";
import { provideModule, tslabTypescriptPath, typescriptView } from "../kernel/typescript-for-tslab";

async function record(planFile: string): Promise<void> {
  const typescript = tslabTypescriptPath();
  const real = require(typescript) as typeof ts;
  const files = new Map<string, PreparsedText | undefined>();
  let compilerOptions: Record<string, unknown> = {};
  const createWatchCompilerHost = (...args: unknown[]) => {
    compilerOptions = args[1] as Record<string, unknown>;
    const host = (real.createWatchCompilerHost as (...a: unknown[]) => ts.WatchCompilerHost<ts.BuilderProgram>)(...args);
    const readFile = host.readFile.bind(host);
    host.readFile = (path, encoding) => {
      const before = identifyFile(path);
      const text = readFile(path, encoding);
      // The text's hash, kept only if the file was the same file before and after it was read.
      if (text !== undefined && path.endsWith(".d.ts"))
        files.set(path, before && before === identifyFile(path) ? { identity: before, hash: textHash(text) } : undefined);
      return text;
    };
    return host;
  };
  provideModule(typescript, typescriptView(real, { createWatchCompilerHost }));
  // Required only now, so that tslab's converter gets the recording TypeScript.
  const { createCodeRunner, packageRoot } = require("../kernel/code-runner") as typeof import("../kernel/code-runner.js");
  const runner = createCodeRunner(process.cwd());
  const result = await runner.execute(
    'import type * as dslab from "dslab";\nimport type * as widgets from "dslab/widgets";\nimport type * as kernel from "dslab/kernel";\n1',
  );
  if (result.status !== "ok") throw new Error(`the recording cell failed: ${result.evalue}`);
  const plan: SnapshotPlan = {
    typescript,
    typescriptSource: patchedTypescript(packageRoot())?.file ?? typescript,
    compilerOptions,
    files: [...files.keys()].filter((f) => !f.endsWith("__prev__.d.ts")),
    texts: Object.fromEntries([...files].filter((entry): entry is [string, PreparsedText] => entry[1] !== undefined)),
    startModule: join(packageRoot(), "dist", "kernel-ext", "snapshot", "start-from-snapshot.js"),
  };
  writeFileSync(planFile, `${JSON.stringify(plan, null, 1)}\n`);
}

record(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
