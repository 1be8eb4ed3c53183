import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const built = join(root, "dist", "labextension");

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build:labextension"], { cwd: root, stdio: "pipe" });
}, 180_000);

describe("the prebuilt JupyterLab extension (npm run build:labextension)", () => {
  it("has the metadata JupyterLab 4 loads: a remote entry, the widget plugin and the plotly renderer", () => {
    const metadata = JSON.parse(readFileSync(join(built, "package.json"), "utf8"));
    expect(metadata.name).toBe("dslab-jupyterlab");
    expect(metadata.jupyterlab._build).toMatchObject({ extension: "./extension", mimeExtension: "./mimeExtension" });
    expect(existsSync(join(built, metadata.jupyterlab._build.load))).toBe(true);
    const remoteEntry = readFileSync(join(built, metadata.jupyterlab._build.load), "utf8");
    // @jupyter-widgets/base is shared with JupyterLab's widget manager, not bundled: one registry.
    // Consumed with no fallback (false): the extension never loads a second copy of its own.
    expect(remoteEntry).toContain('"@jupyter-widgets/base", false');
    // Core packages are asked for at JupyterLab 4.0's ranges, so every JupyterLab 4.x satisfies them.
    expect(remoteEntry).toContain('"@lumino/widgets", false, [1,2,0,0]');
    const chunks = readdirSync(join(built, "static"))
      .map((f) => readFileSync(join(built, "static", f), "utf8"))
      .join("\n");
    expect(chunks).toContain("dslab-jupyterlab:widgets");
    expect(chunks).toContain("application/vnd.plotly.v1+json");
  });

  it("`dslab lab install --prefix DIR` copies it into DIR/share/jupyter/labextensions/dslab-jupyterlab", () => {
    const prefix = mkdtempSync(join(tmpdir(), "dslab-lab-"));
    const out = execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "lab", "install", "--prefix", prefix], { encoding: "utf8" });
    const target = join(prefix, "share", "jupyter", "labextensions", "dslab-jupyterlab");
    expect(out).toContain(target);
    expect(JSON.parse(readFileSync(join(target, "package.json"), "utf8")).jupyterlab._build.load).toMatch(/^static\/remoteEntry\.[0-9a-f]+\.js$/);
  });

  it("`dslab kernel install --prefix DIR` writes kernel.json and the logos, with no Python involved", () => {
    const prefix = mkdtempSync(join(tmpdir(), "dslab-kernelspec-"));
    execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "kernel", "install", "--prefix", prefix], { encoding: "utf8" });
    const dir = join(prefix, "share", "jupyter", "kernels", "dslab");
    const spec = JSON.parse(readFileSync(join(dir, "kernel.json"), "utf8"));
    expect(spec).toMatchObject({ display_name: "TypeScript (dslab)", language: "typescript", interrupt_mode: "message" });
    expect(spec.argv.slice(-3)).toEqual(["kernel", "--config-path", "{connection_file}"]);
    expect(readFileSync(join(dir, "logo-64x64.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(existsSync(join(dir, "logo-32x32.png"))).toBe(true);
  });

  it("rejects an unknown install option", () => {
    expect(() => execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "kernel", "install", "--global"], { encoding: "utf8", stdio: "pipe" })).toThrow(
      /unknown option --global/,
    );
  });
});

describe("`dslab lab install --sys-prefix`", () => {
  it("installs into the active conda environment's share/jupyter/labextensions", () => {
    const env = mkdtempSync(join(tmpdir(), "dslab-conda-"));
    execFileSync(process.execPath, [join(root, "bin", "dslab.js"), "lab", "install", "--sys-prefix"], {
      encoding: "utf8",
      env: { ...process.env, CONDA_PREFIX: env, VIRTUAL_ENV: "" },
    });
    expect(existsSync(join(env, "share", "jupyter", "labextensions", "dslab-jupyterlab", "package.json"))).toBe(true);
  });
});
