// Builds the prebuilt JupyterLab 4 extension into dist/labextension with npm alone:
// esbuild compiles the TypeScript sources to ES modules (imports left for webpack to share),
// then @jupyterlab/builder's build-labextension bundles them against the core metadata kept in
// widgets/frontend/jupyterlab-core.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";

const root = join(__dirname, "..");
const extension = join(root, "widgets", "frontend", "labextension");

async function main(): Promise<void> {
  const started = Date.now();
  await build({
    absWorkingDir: root,
    entryPoints: ["src/plugin.ts", "src/mime.ts"].map((f) => join(extension, f)),
    outdir: join(extension, "lib"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    // Packages stay imports: webpack's module federation decides what JupyterLab shares.
    packages: "external",
    logLevel: "warning",
  });
  try {
    execFileSync(
      process.execPath,
      [require.resolve("@jupyterlab/builder/lib/build-labextension.js"), "--core-path", join(root, "widgets", "frontend", "jupyterlab-core"), extension],
      { stdio: "pipe", cwd: root },
    );
  } catch (error) {
    // webpack's report is long; show it only when the build fails.
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(String(e.stdout ?? ""), String(e.stderr ?? ""));
    throw error;
  }
  console.log(`built dist/labextension in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
