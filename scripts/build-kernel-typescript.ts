// Writes the TypeScript the kernel runs (dist/typescript-for-tslab/): tslab's bundle with the
// patches of kernel-ext/kernel/typescript-patches.ts. Run by `npm run build` before the kernel
// snapshot, which is built from it. Without it the kernel loads the original bundle. A patch
// that no longer applies (tslab's TypeScript changed) fails the build: the patches are measured
// together, and a kernel silently running without one would lose what it was for.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { patchedTypescriptDir, writePatchedTypescript } from "../kernel-ext/kernel/patched-typescript";

const root = join(__dirname, "..");
const started = Date.now();
const info = writePatchedTypescript(root);
console.log(`patched TypeScript ${info.version} for the kernel in ${patchedTypescriptDir(root)} (${Date.now() - started} ms): ${info.applied.join(", ")}`);
if (info.skipped.length > 0) {
  console.error(
    `error: TypeScript ${info.version} (${info.original}) has no target for ${info.skipped.join(", ")}: update kernel-ext/kernel/typescript-patches.ts`,
  );
  // Nor may a later kernel load the partly patched bundle.
  rmSync(patchedTypescriptDir(root), { recursive: true, force: true });
  process.exitCode = 1;
}
