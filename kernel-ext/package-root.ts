import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The dslab package root: the nearest folder up from this file (dist/kernel-ext/package-root.js
 * or kernel-ext/package-root.ts) with a package.json and kernel-ext/. Kept apart from the kernel's
 * modules so that the commands that only need the root (kernel install, lab install) load no
 * TypeScript.
 */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "kernel-ext"))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(__dirname, "..", "..");
    dir = parent;
  }
  return dir;
}
