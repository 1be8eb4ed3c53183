import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../kernel-ext/kernel/code-runner";
import { snapshotDir, snapshotNodeOptions } from "../../kernel-ext/snapshot/snapshot-plan";
import { IN_CI } from "../helpers/jupyter";

const root = packageRoot();

describe("dslab kernel install", () => {
  it("writes the dslab kernelspec, with its logos, into the prefix's Jupyter data dir", () => {
    const prefix = mkdtempSync(join(tmpdir(), "dslab-install-"));
    execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "kernel", "install", "--prefix", prefix]);
    const dir = join(prefix, "share", "jupyter", "kernels", "dslab");
    const spec = JSON.parse(readFileSync(join(dir, "kernel.json"), "utf8"));
    expect(spec).toMatchObject({ display_name: "TypeScript (dslab)", language: "typescript", interrupt_mode: "message" });
    expect(spec.argv[0]).toBe(process.execPath);
    expect(spec.argv.slice(-3)).toEqual(["kernel", "--config-path", "{connection_file}"]);
    expect(existsSync(join(dir, "logo-32x32.png")) && existsSync(join(dir, "logo-64x64.png"))).toBe(true);
  });

  it("starts the kernel from the start-up snapshot the build made (in CI the build must have made one)", () => {
    const options = snapshotNodeOptions(root);
    if (IN_CI) expect(options[0]).toBe("--snapshot-blob");
    if (options.length > 0) {
      const info = execFileSync(process.execPath, [...options, "snapshot-info"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
      expect(info).toMatch(/^dslab kernel snapshot: TypeScript 5\.\d+\.\d+, \d+ declaration files parsed and bound/);
    }
  });
});

describe("snapshotNodeOptions(packageRoot)", () => {
  const fakeRoot = (info: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-root-"));
    mkdirSync(snapshotDir(dir), { recursive: true });
    const blob = join(snapshotDir(dir), "kernel.blob");
    writeFileSync(blob, "");
    if (info !== undefined) writeFileSync(join(snapshotDir(dir), "snapshot.json"), typeof info === "string" ? info : JSON.stringify({ blob, ...(info as object) }));
    return { dir, blob };
  };

  it("uses a snapshot only if this very Node.js built it", () => {
    const same = fakeRoot({ node: process.version, execPath: process.execPath });
    expect(snapshotNodeOptions(same.dir)).toEqual(["--snapshot-blob", same.blob]);
    expect(snapshotNodeOptions(fakeRoot({ node: "v18.0.0", execPath: process.execPath }).dir)).toEqual([]);
    expect(snapshotNodeOptions(fakeRoot({ node: process.version, execPath: "/elsewhere/node" }).dir)).toEqual([]);
  });

  it("falls back to no snapshot when none was built or its record is unreadable", () => {
    expect(snapshotNodeOptions(fakeRoot(undefined).dir)).toEqual([]);
    expect(snapshotNodeOptions(fakeRoot("{not json").dir)).toEqual([]);
    expect(snapshotNodeOptions(mkdtempSync(join(tmpdir(), "dslab-empty-")))).toEqual([]);
  });
});
