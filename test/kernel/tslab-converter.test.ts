import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { converterSemver } from "../../kernel-ext/kernel/tslab-converter";
import { packageRoot } from "../../kernel-ext/package-root";

const root = packageRoot();
/** The semver that tslab's converter would load. */
const semver = createRequire(require.resolve("tslab/dist/converter"))("semver") as { major(version: string): number };

describe("converterSemver, tslab's converter's semver", () => {
  it("gives semver's major version for every version Node.js reports", () => {
    const version = fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map(([a, b, c]) => `v${a}.${b}.${c}`);
    fc.assert(fc.property(version, (v) => converterSemver.major(v) === semver.major(v)));
    expect(converterSemver.major(process.version)).toBe(semver.major(process.version));
    expect(converterSemver.major("v26.0.0-nightly20261201abc")).toBe(26);
  });

  it("refuses what is not a version, as semver does", () => {
    for (const bad of ["", "node", "v20", "x20.1.2"]) {
      expect(() => semver.major(bad), bad).toThrow(TypeError);
      expect(() => converterSemver.major(bad), bad).toThrow(`Invalid Version: ${bad}`);
    }
  });
});

describe("requireTslabConverter()", () => {
  it("loads tslab's converter without semver, which any other module, cells included, still gets from disk", () => {
    // A process of its own: this one's module cache has semver already.
    const script = `
      const { requireTslabConverter } = require(${JSON.stringify(join(root, "dist", "kernel-ext", "kernel", "tslab-converter.js"))});
      const converter = requireTslabConverter();
      const semverLoaded = () => Object.keys(require.cache).filter((f) => /[\\\\/]semver[\\\\/]/.test(f)).length;
      const before = semverLoaded();
      const same = requireTslabConverter() === converter && require("tslab/dist/converter") === converter;
      const semver = require("semver");
      process.stdout.write(JSON.stringify({
        createConverter: typeof converter.createConverter,
        before,
        same,
        after: semverLoaded() > 0,
        real: typeof semver.SemVer === "function" && semver.major("v20.1.2") === 20,
      }));`;
    const seen = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } }));
    expect(seen).toEqual({ createConverter: "function", before: 0, same: true, after: true, real: true });
  });
});
