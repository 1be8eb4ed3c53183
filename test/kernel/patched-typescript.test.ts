import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../kernel-ext/kernel/code-runner";
import { patchedTypescript, patchedTypescriptDir, providePatchedTypescript } from "../../kernel-ext/kernel/patched-typescript";
import { IN_CI } from "../helpers/jupyter";

/** A package root whose build patched `original` into `patchedText`. */
function fakeBuild(originalText: string, patchedText: string): { root: string; original: string } {
  const root = mkdtempSync(join(tmpdir(), "dslab-root-"));
  const original = join(root, "node_modules", "fake-ts", "typescript.js");
  mkdirSync(join(original, ".."), { recursive: true });
  writeFileSync(original, originalText);
  utimesSync(original, new Date(2026, 0, 1), new Date(2026, 0, 1));
  const dir = patchedTypescriptDir(root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "typescript.js"), patchedText);
  const { size } = require("node:fs").statSync(original);
  writeFileSync(join(dir, "patch.json"), JSON.stringify({ original, size, mtimeMs: new Date(2026, 0, 1).getTime(), version: "0", applied: [], skipped: [] }));
  return { root, original };
}

describe("the kernel's patched TypeScript", () => {
  it("is loaded under the original's path, so that requiring the original gets it", () => {
    const { root, original } = fakeBuild("module.exports = 'original';", "module.exports = 'patched ' + __filename;");
    expect(providePatchedTypescript(root)).toBe(true);
    expect(require(original)).toBe(`patched ${original}`);
    expect(providePatchedTypescript(root)).toBe(false);
  });

  it("is not used once the original has changed, or without a readable record of the build", () => {
    const changed = fakeBuild("module.exports = 1;", "module.exports = 2;");
    expect(patchedTypescript(changed.root)).toBeDefined();
    writeFileSync(changed.original, "module.exports = 10;");
    expect(patchedTypescript(changed.root)).toBeUndefined();
    expect(providePatchedTypescript(changed.root)).toBe(false);
    const unreadable = fakeBuild("module.exports = 1;", "module.exports = 2;");
    writeFileSync(join(patchedTypescriptDir(unreadable.root), "patch.json"), "{not json");
    expect(patchedTypescript(unreadable.root)).toBeUndefined();
    expect(patchedTypescript(mkdtempSync(join(tmpdir(), "dslab-empty-")))).toBeUndefined();
  });

  it("is what `dslab` loads when the build wrote it (in CI it must have)", () => {
    const root = packageRoot();
    const built = patchedTypescript(root) !== undefined;
    if (IN_CI) expect(built).toBe(true);
    // The patched bundle builds its lib-feature table once; the original builds one per call.
    const probe = `require(${JSON.stringify(join(root, "dist", "kernel-ext", "kernel", "patched-typescript.js"))}).providePatchedTypescript(${JSON.stringify(root)});
      const ts = require("@tslab/typescript-for-tslab");
      console.log(ts.getScriptTargetFeatures() === ts.getScriptTargetFeatures());`;
    if (built) expect(execFileSync(process.execPath, ["-e", probe], { cwd: root, encoding: "utf8" }).trim()).toBe("true");
  });
});
