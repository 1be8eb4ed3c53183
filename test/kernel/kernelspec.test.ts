import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import { kernelJson } from "../../kernel-ext/kernelspec";
import { packageRoot } from "../../kernel-ext/package-root";
import { withHugePageMalloc } from "../../kernel-ext/snapshot/huge-page-malloc";
import {
  currentRuntime,
  noSnapshotFile,
  RUN_OPTIONS,
  shellRecord,
  shellRecordFile,
  snapshotDir,
  snapshotUse,
  type NodeRuntime,
} from "../../kernel-ext/snapshot/snapshot-plan";
import { IN_CI, kernelEnv } from "../helpers/jupyter";

const root = packageRoot();

describe("dslab kernel install", () => {
  it("writes the dslab kernelspec, with its logos, into the prefix's Jupyter data dir: bin/dslab-kernel with this Node.js (bin/dslab.js on Windows), NODE_OPTIONS cleared", () => {
    const prefix = mkdtempSync(join(tmpdir(), "dslab-install-"));
    execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "kernel", "install", "--prefix", prefix]);
    const dir = join(prefix, "share", "jupyter", "kernels", "dslab");
    const spec = JSON.parse(readFileSync(join(dir, "kernel.json"), "utf8"));
    expect(spec).toMatchObject({ display_name: "TypeScript (dslab)", language: "typescript", interrupt_mode: "message", env: { NODE_OPTIONS: "" } });
    if (process.platform === "win32") {
      expect(spec.argv).toEqual([process.execPath, join(root, "bin", "dslab.js"), "kernel", "--config-path", "{connection_file}"]);
    } else {
      expect(spec.argv).toEqual([join(root, "bin", "dslab-kernel"), "kernel", "--config-path", "{connection_file}"]);
      expect(spec.env.DSLAB_NODE).toBe(process.execPath);
      expect(statSync(spec.argv[0]).mode & 0o111).toBe(0o111);
    }
    expect(existsSync(join(dir, "logo-32x32.png")) && existsSync(join(dir, "logo-64x64.png"))).toBe(true);
  });

  it("writes the kernel.json forms the two launchers take", () => {
    expect(kernelJson(false)).toMatchObject({
      argv: [process.execPath, join(root, "bin", "dslab.js"), "kernel", "--config-path", "{connection_file}"],
      env: { NODE_OPTIONS: "" },
    });
    expect(kernelJson(false).env).not.toHaveProperty("DSLAB_NODE");
    expect(kernelJson(true)).toMatchObject({
      argv: [join(root, "bin", "dslab-kernel"), "kernel", "--config-path", "{connection_file}"],
      env: { NODE_OPTIONS: "", DSLAB_NODE: process.execPath },
    });
  });

  it.each([
    ["kernel", "install"],
    ["lab", "install"],
  ])("dslab %s %s loads neither TypeScript nor the kernel's modules", (...command) => {
    const argv = [...command, "--prefix", mkdtempSync(join(tmpdir(), "dslab-install-"))];
    const script = `require(${JSON.stringify(join(root, "dist", "kernel-ext", "cli.js"))}).main(${JSON.stringify(argv)}).then(() => {
      const loaded = Object.keys(require.cache).filter((f) => /typescript|tslab|zeromq|kernel-ext[\\\\/]kernel[\\\\/]/.test(f));
      process.stdout.write("\\n" + JSON.stringify(loaded));
    });`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
        .split("\n")
        .pop()!,
    );
    expect(loaded).toEqual([]);
  });
});

describe("the kernel's start-up snapshot", () => {
  it("was built and proven by the build with this Node.js (in CI it must have been, started without rehashing), without node:crypto in it", () => {
    const use = snapshotUse(root, { ...currentRuntime(), options: [] });
    if (IN_CI) expect(use).toMatchObject({ blob: expect.any(String), v8Options: RUN_OPTIONS });
    if ("blob" in use) {
      const info = execFileSync(process.execPath, [...use.v8Options, "--snapshot-blob", use.blob, "snapshot-info"], {
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      expect(info).toMatch(/^dslab kernel snapshot: TypeScript 5\.\d+\.\d+, \d+ declaration files parsed and bound, without node:crypto/);
    } else {
      expect(existsSync(noSnapshotFile(root))).toBe(true);
    }
  });
});

describe("snapshotUse(packageRoot, runtime)", () => {
  const here: NodeRuntime = { version: process.version, execPath: process.execPath, options: [] };
  const fakeRoot = (info: unknown, { blob: withBlob = true } = {}) => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-root-"));
    mkdirSync(snapshotDir(dir), { recursive: true });
    const blob = join(snapshotDir(dir), "kernel.blob");
    if (withBlob) writeFileSync(blob, "");
    if (info !== undefined)
      writeFileSync(join(snapshotDir(dir), "snapshot.json"), typeof info === "string" ? info : JSON.stringify({ blob, ...(info as object) }));
    return { dir, blob };
  };

  it("uses a snapshot only in the very Node.js that built it, run without Node.js options", () => {
    const same = fakeRoot({ node: process.version, execPath: process.execPath, v8Options: ["--no-rehash-snapshot"] });
    expect(snapshotUse(same.dir, here)).toEqual({ blob: same.blob, v8Options: ["--no-rehash-snapshot"] });
    // A record from a build before V8 options were recorded.
    const older = fakeRoot({ node: process.version, execPath: process.execPath });
    expect(snapshotUse(older.dir, here)).toEqual({ blob: older.blob, v8Options: [] });
    expect(snapshotUse(same.dir, { ...here, version: "v99.0.0" })).toEqual({ reason: `it was built by Node.js ${process.version}, this is v99.0.0` });
    expect(snapshotUse(same.dir, { ...here, execPath: "/elsewhere/node" })).toEqual({
      reason: `it was built by ${process.execPath}, this Node.js is /elsewhere/node`,
    });
    expect(snapshotUse(same.dir, { ...here, options: ["--max-old-space-size=3000"] })).toEqual({
      reason: "Node.js runs with options (--max-old-space-size=3000) the snapshot was built without",
    });
  });

  it("says why not when the blob is gone, none was built, or its record is unreadable", () => {
    const noBlob = fakeRoot({ node: process.version, execPath: process.execPath }, { blob: false });
    expect(snapshotUse(noBlob.dir, here)).toEqual({ reason: `its blob ${noBlob.blob} is missing` });
    const refused = fakeRoot(undefined);
    expect(snapshotUse(refused.dir, here)).toEqual({ reason: "the build made none" });
    writeFileSync(noSnapshotFile(refused.dir), "a kernel started from it failed: the kernel process was killed by SIGABRT\n");
    expect(snapshotUse(refused.dir, here)).toEqual({
      reason: "the build made none: a kernel started from it failed: the kernel process was killed by SIGABRT",
    });
    expect(snapshotUse(fakeRoot("{not json").dir, here)).toMatchObject({ reason: expect.stringMatching(/snapshot\.json is unreadable$/) });
    expect(snapshotUse(mkdtempSync(join(tmpdir(), "dslab-empty-")), here)).toEqual({ reason: "the build made none" });
  });

  it("reads Node.js options from the command line and NODE_OPTIONS", () => {
    expect(currentRuntime({ NODE_OPTIONS: " --max-old-space-size=3000  --no-warnings " }).options.slice(-2)).toEqual([
      "--max-old-space-size=3000",
      "--no-warnings",
    ]);
    expect(currentRuntime({ NODE_OPTIONS: "" }).options).toEqual(process.execArgv);
  });
});

describe("the kernelspec's launcher (dslab kernel)", () => {
  /** A kernelspec running bin/dslab.js kernel with extra Node.js options, in a fresh JUPYTER_PATH. */
  const launchWith = (nodeOptions: string[]) => {
    const jupyterPath = mkdtempSync(join(tmpdir(), "dslab-launcher-"));
    mkdirSync(join(jupyterPath, "kernels", "dslab-launcher"), { recursive: true });
    const argv = [process.execPath, ...nodeOptions, join(root, "bin", "dslab.js"), "kernel", "--config-path", "{connection_file}"];
    writeFileSync(
      join(jupyterPath, "kernels", "dslab-launcher", "kernel.json"),
      JSON.stringify({ argv, display_name: "launcher", language: "typescript", env: { NODE_OPTIONS: "" } }),
    );
    return KernelClient.launch({ kernelName: "dslab-launcher", cwd: join(root, "notebooks"), env: { ...process.env, JUPYTER_PATH: jupyterPath } });
  };

  it("starts the kernel without the snapshot when this Node.js cannot load it, says why on stderr, and the kernel runs a cell importing dslab", async () => {
    const kernel = await launchWith(["--no-warnings"]);
    try {
      const run = await executeCell(kernel, 'import { failure } from "dslab";\nfailure.anyFailureProbability({ n: 100, p: 0.01 }).toFixed(3)');
      expect(run.outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "'0.634'" } });
      expect(kernel.stderr).toMatch(
        /^dslab: starting the kernel without its start-up snapshot \((Node\.js runs with options \(--no-warnings\)|the build made none).*\); `npm run build` makes one for this Node\.js\n/,
      );
    } finally {
      await kernel.shutdown();
    }
  });

  it("starts the kernel from the snapshot when this Node.js built it, saying nothing (in CI)", async () => {
    const kernel = await launchWith([]);
    try {
      const run = await executeCell(kernel, "process.execArgv.includes('--snapshot-blob')");
      if (IN_CI || "blob" in snapshotUse(root, { ...currentRuntime(), options: [] })) {
        expect(run.outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "true" } });
        expect(kernel.stderr).not.toMatch(/without its start-up snapshot/);
      }
    } finally {
      await kernel.shutdown();
    }
  });

  it("gives the snapshot's kernel glibc's malloc with huge pages (in CI: Linux, glibc 2.36, huge pages on madvise), and its cells the environment it was given", async () => {
    const kernel = await launchWith([]);
    try {
      const cell = [
        'const fs = require("fs");',
        'const huge = Number(/AnonHugePages:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/smaps_rollup", "utf8"))?.[1] ?? 0);',
        'console.log(JSON.stringify({ fromSnapshot: process.execArgv.includes("--snapshot-blob"), huge, tunables: process.env.GLIBC_TUNABLES ?? null, kept: Object.keys(process.env).filter((k) => k.startsWith("DSLAB_GLIBC")) }))',
      ].join("\n");
      const run = await executeCell(kernel, cell);
      const stdout = run.outputs.map((o) => (o as { text?: string }).text ?? "").join("");
      const seen = JSON.parse(stdout) as { fromSnapshot: boolean; huge: number; tunables: string | null; kept: string[] };
      expect(seen.tunables).toBe(process.env.GLIBC_TUNABLES ?? null);
      expect(seen.kept).toEqual([]);
      const hugePagesOn = /\[(always|madvise)\]/.test(readFileSync("/sys/kernel/mm/transparent_hugepage/enabled", { encoding: "utf8", flag: "r" }));
      if (IN_CI && process.platform === "linux" && hugePagesOn) {
        expect(seen.fromSnapshot).toBe(true);
        // Megabytes of the blob's copies on 2 MB pages (46 MB here); none without the tunable.
        expect(seen.huge).toBeGreaterThan(8 * 1024);
      }
    } finally {
      await kernel.shutdown();
    }
  });
});

// Windows has no /bin/sh: there the kernelspec runs `node bin/dslab.js kernel` (kernelJson(false),
// tested above), and these tests' stand-in for Node.js is itself a shell script.
describe.skipIf(process.platform === "win32")("bin/dslab-kernel, the kernelspec's command on POSIX systems", () => {
  const FAKE_VERSION = "v0.0.0-fake";
  /**
   * A copy of the script in a package folder of its own (its name with a space and a quote), a
   * record there, and a stand-in for Node.js that prints what it was run with: the script's
   * choice is seen without starting anything.
   */
  const fakePackage = ({ record = true, blob = true, platform = "linux" as NodeJS.Platform, v8Options = ["--no-rehash-snapshot"] } = {}) => {
    const dir = join(mkdtempSync(join(tmpdir(), "dslab-script-")), "a package's copy");
    mkdirSync(join(dir, "bin"), { recursive: true });
    mkdirSync(snapshotDir(dir), { recursive: true });
    copyFileSync(join(root, "bin", "dslab-kernel"), join(dir, "bin", "dslab-kernel"));
    chmodSync(join(dir, "bin", "dslab-kernel"), 0o755);
    const printer = join(dir, "print.js");
    writeFileSync(
      printer,
      "const pick = (k) => (k in process.env ? process.env[k] : null);\n" +
        "process.stdout.write(JSON.stringify({ args: process.argv.slice(2), env: Object.fromEntries(['GLIBC_TUNABLES', 'DSLAB_GLIBC_TUNABLES_BEFORE', 'DSLAB_NODE'].map((k) => [k, pick(k)])) }));\n",
    );
    const node = join(dir, "node");
    writeFileSync(
      node,
      `#!/bin/sh\nif [ "$1" = --version ]; then echo ${FAKE_VERSION}; exit 0; fi\nexec '${process.execPath}' '${printer.replace(/'/g, "'\\''")}' "$@"\n`,
    );
    chmodSync(node, 0o755);
    const blobFile = join(snapshotDir(dir), "kernel.blob");
    if (blob) writeFileSync(blobFile, "");
    if (record) writeFileSync(shellRecordFile(dir), shellRecord({ node: FAKE_VERSION, execPath: node, blob: blobFile, v8Options }, platform));
    return { dir, node, blob: blobFile, launcher: join(dir, "bin", "dslab.js") };
  };
  const run = (pkg: { dir: string; node: string }, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "GLIBC_TUNABLES" && k !== "NODE_OPTIONS"));
    const out = execFileSync(join(pkg.dir, "bin", "dslab-kernel"), args, { encoding: "utf8", env: { ...base, DSLAB_NODE: pkg.node, ...env } });
    return JSON.parse(out) as { args: string[]; env: Record<string, string | null> };
  };
  const command = ["kernel", "--config-path", "/run/kernel-1.json"];

  it("starts the snapshot's Node.js itself, with the record's V8 options, when the record says this Node.js built it and no Node.js options are asked for", () => {
    const pkg = fakePackage();
    const seen = run(pkg, command);
    expect(seen.args).toEqual(["--no-rehash-snapshot", "--snapshot-blob", pkg.blob, ...command]);
    expect(seen.env.DSLAB_NODE).toBeNull();
    expect(run(fakePackage({ v8Options: [] }), command).args).toEqual(["--snapshot-blob", expect.any(String), ...command]);
    expect(run(fakePackage({ v8Options: ["--no-rehash-snapshot", "--max-semi-space-size=16"] }), command).args.slice(0, 3)).toEqual([
      "--no-rehash-snapshot",
      "--max-semi-space-size=16",
      "--snapshot-blob",
    ]);
  });

  it("is given V8 options in its record only as plain words, which its unquoted expansion keeps as they are", () => {
    const record = (v8Options: string[]) => shellRecord({ node: "v1", execPath: "/n", blob: "/b", v8Options }, "linux");
    expect(record(["--no-rehash-snapshot", "--max-semi-space-size=16"])).toContain("snapshot_v8_options='--no-rehash-snapshot --max-semi-space-size=16'\n");
    for (const bad of ["--a b", "--x=*", "$(reboot)", "--y=`id`", "--z;ls", "-"])
      expect(() => record([bad]), bad).toThrow(`V8 option ${JSON.stringify(bad)} cannot go into the shell record`);
  });

  it("hands everything else to bin/dslab.js's launcher, Node.js options first: another version, another binary, no blob, no record, NODE_OPTIONS, options in argv", () => {
    const pkg = fakePackage();
    const viaLauncher = [pkg.launcher, ...command];
    const other = fakePackage();
    writeFileSync(shellRecordFile(other.dir), shellRecord({ node: "v20.0.0", execPath: other.node, blob: other.blob }));
    expect(run(other, command).args).toEqual([other.launcher, ...command]);
    expect(run(pkg, command, { DSLAB_NODE: other.node }).args).toEqual([pkg.launcher, ...command]);
    const noBlob = fakePackage({ blob: false });
    expect(run(noBlob, command).args).toEqual([noBlob.launcher, ...command]);
    const noRecord = fakePackage({ record: false });
    expect(run(noRecord, command).args).toEqual([noRecord.launcher, ...command]);
    expect(run(pkg, command, { NODE_OPTIONS: "--no-warnings" }).args).toEqual(viaLauncher);
    expect(run(pkg, ["--max-old-space-size=384", "--no-warnings", ...command]).args).toEqual([
      "--max-old-space-size=384",
      "--no-warnings",
      pkg.launcher,
      ...command,
    ]);
    expect(run(pkg, ["kernel", "install"]).args).toEqual([pkg.launcher, "kernel", "install"]);
    expect(run(pkg, command).env.DSLAB_NODE).toBeNull();
  });

  it("gives the snapshot's Node.js the environment withHugePageMalloc gives it, on Linux only", () => {
    const linux = fakePackage();
    const mac = fakePackage({ platform: "darwin" });
    for (const tunables of [undefined, "", "glibc.malloc.arena_max=2", "glibc.malloc.hugetlb=0", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2"]) {
      const given = tunables === undefined ? {} : { GLIBC_TUNABLES: tunables };
      const expected = withHugePageMalloc(given, "linux");
      expect(run(linux, command, given).env, String(tunables)).toMatchObject({
        GLIBC_TUNABLES: expected.GLIBC_TUNABLES ?? null,
        DSLAB_GLIBC_TUNABLES_BEFORE: expected.DSLAB_GLIBC_TUNABLES_BEFORE ?? null,
      });
      expect(run(mac, command, given).env).toMatchObject({ GLIBC_TUNABLES: tunables ?? null, DSLAB_GLIBC_TUNABLES_BEFORE: null });
      // The launcher sets the environment itself.
      expect(run(linux, command, { ...given, NODE_OPTIONS: "--no-warnings" }).env).toMatchObject({ GLIBC_TUNABLES: tunables ?? null });
    }
  });

  it("starts the installed kernel as the process Jupyter started, from the snapshot when this Node.js built it (in CI); the kernel runs a cell importing dslab (without loading semver) and shows Node.js's documentation on inspect", async () => {
    const env = kernelEnv();
    const kernel = await KernelClient.launch({ kernelName: "dslab", cwd: join(root, "notebooks"), env });
    try {
      const cell =
        'import { failure } from "dslab";\nconst semverLoaded = Object.keys(require.cache).some((f) => /[\\\\/]semver[\\\\/]/.test(f));\nconsole.log(JSON.stringify([failure.anyFailureProbability({ n: 100, p: 0.01 }).toFixed(3), process.ppid, process.execArgv, "DSLAB_NODE" in process.env, semverLoaded]))';
      const run = await executeCell(kernel, cell);
      const stdout = run.outputs.map((o) => (o as { text?: string }).text ?? "").join("");
      const [p, ppid, execArgv, nodeVarKept, semverLoaded] = JSON.parse(stdout) as [string, number, string[], boolean, boolean];
      // tslab's converter got its stand-in for semver (tslab-converter.ts).
      expect([p, nodeVarKept, semverLoaded]).toEqual(["0.634", false, false]);
      if (IN_CI || "blob" in snapshotUse(root, { ...currentRuntime(), options: [] })) {
        // No Node.js launcher in between: the kernel is this process's child.
        expect(ppid).toBe(process.pid);
        expect(execArgv).toEqual([...RUN_OPTIONS, "--snapshot-blob", join(snapshotDir(root), "kernel.blob")]);
        expect(kernel.stderr).toBe("");
      }
      // Node.js's documentation, from the snapshot's @types/node, whose JSDoc is parsed only now.
      const code = 'import * as fs from "fs";\nfs.readFileSync';
      const inspected = await kernel.request("shell", "inspect_request", { code, cursor_pos: code.length, detail_level: 0 });
      expect(inspected.content).toMatchObject({ status: "ok", found: true });
      expect((inspected.content as { data: Record<string, string> }).data["text/plain"]).toMatch(
        /^function readFileSync\(path: fs\.PathOrFileDescriptor[\s\S]*\n\nReturns the contents of the `path`\./,
      );
    } finally {
      await kernel.shutdown();
    }
  });
});
