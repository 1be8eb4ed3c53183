// Builds the test JupyterLab application of one JupyterLab 4 release, as JupyterLab's own build
// does: the release's front-end packages (test/jupyterlab/versions/<version>/package.json, pinned
// by pin-release.ts, installed with `npm ci`), an entry that imports their extensions, and
// webpack with @jupyterlab/builder's base configuration, its asset step (schemas, theme CSS,
// style imports) and a module-federation share scope in which prebuilt extensions find the
// application's singletons. The output is cached in versions/<version>/build (gitignored),
// keyed by the lockfile and the application's sources.
//
// Usage: npx tsx test/jupyterlab/build-lab.ts [VERSION ...]   (default: every folder in versions/)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const here = __dirname;
const root = join(here, "..", "..");

/** The JupyterLab versions the tests run against: one folder each in test/jupyterlab/versions. */
export const LAB_VERSIONS: readonly string[] = readdirSync(join(here, "versions"))
  .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

/** Where a built application's files are. */
export interface LabBuild {
  version: string;
  /** Webpack's output, served at /static/lab/. */
  staticDir: string;
  /** Settings schemas, one folder per extension package (schemas/<package>/<plugin>.json). */
  schemasDir: string;
  /** Theme CSS, served at /lab/api/themes/. */
  themesDir: string;
  /** Seconds the build took, or 0 when the cached build was used. */
  buildSeconds: number;
  /** Seconds `npm ci` took, or 0 when node_modules was up to date. */
  installSeconds: number;
}

interface PackageJson {
  name: string;
  version: string;
  main?: string;
  dependencies?: Record<string, string>;
  jupyterlab?: { extension?: boolean | string; mimeExtension?: boolean | string };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const sha = (...parts: string[]) => createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 16);

/** `npm ci` in the version's folder unless node_modules already holds its lockfile's packages. */
function ensureInstalled(dir: string): number {
  const stamp = join(dir, "node_modules", ".dslab-lock");
  const lock = sha(readFileSync(join(dir, "package-lock.json"), "utf8"));
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) return 0;
  const started = Date.now();
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, stdio: "pipe" });
  writeFileSync(stamp, lock);
  return (Date.now() - started) / 1000;
}

/** The module an extension package's metadata names (`true` means its main). */
function entry(pkg: PackageJson, which: "extension" | "mimeExtension"): string | undefined {
  const value = pkg.jupyterlab?.[which];
  if (value === true) return pkg.name;
  return typeof value === "string" ? `${pkg.name}/${value}` : undefined;
}

/** Builds (or reuses) the application of one version. */
export async function buildLab(version: string): Promise<LabBuild> {
  const dir = join(here, "versions", version);
  if (!existsSync(join(dir, "package.json"))) throw new Error(`invalid version: ${version} (expected one of ${LAB_VERSIONS.join(", ")})`);
  const installSeconds = ensureInstalled(dir);
  const out = join(dir, "build");
  const result = { version, staticDir: join(out, "static"), schemasDir: join(out, "schemas"), themesDir: join(out, "themes"), installSeconds };
  const sources = ["bootstrap.js", "main.js"].map((f) => readFileSync(join(here, "app", f), "utf8"));
  const key = sha(readFileSync(join(dir, "package-lock.json"), "utf8"), readFileSync(__filename, "utf8"), ...sources);
  if (existsSync(join(out, "stamp")) && readFileSync(join(out, "stamp"), "utf8") === key) return { ...result, buildSeconds: 0 };

  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The entry lives inside the version's folder so that its imports resolve to that release.
  for (const f of ["bootstrap.js", "main.js"]) copyFileSync(join(here, "app", f), join(out, f));
  const modules = join(dir, "node_modules");
  const manifest = readJson<PackageJson>(join(dir, "package.json"));
  const packages = Object.keys(manifest.dependencies ?? {}).map((name) => readJson<PackageJson>(join(modules, name, "package.json")));
  const extensions = packages.flatMap((p) => (entry(p, "extension") ? [[p.name, entry(p, "extension")!] as const] : []));
  const mimeExtensions = packages.flatMap((p) => (entry(p, "mimeExtension") ? [entry(p, "mimeExtension")!] : []));
  writeFileSync(
    join(out, "index.out.js"),
    [
      "import './style.js';",
      "import { start } from './main.js';",
      "export function main() {",
      "  return start({",
      `    extensions: [${extensions.map(([name, mod]) => `[${JSON.stringify(name)}, () => import(${JSON.stringify(mod)})]`).join(", ")}],`,
      `    mimeExtensions: [${mimeExtensions.map((mod) => `() => import(${JSON.stringify(mod)})`).join(", ")}],`,
      "  });",
      "}",
      "",
    ].join("\n"),
  );

  // @jupyterlab/builder (a devDependency of dslab) provides webpack, the loaders and the asset step.
  const builder = { paths: [dirname(require.resolve("@jupyterlab/builder/package.json"))] };
  const webpack = require(require.resolve("webpack", builder)) as typeof import("webpack");
  const { merge } = require(require.resolve("webpack-merge", builder)) as { merge: (...configs: object[]) => object };
  const baseConfig = require("@jupyterlab/builder/lib/webpack.config.base") as object;
  const { Build } = require("@jupyterlab/builder") as {
    Build: { ensureAssets(o: { packageNames: string[]; packagePaths: string[]; output: string }): object[] };
  };
  const themeConfigs = Build.ensureAssets({
    packageNames: [],
    packagePaths: packages.filter((p) => p.jupyterlab).map((p) => join(modules, p.name)),
    output: out,
  });

  // The share scope: JupyterLab shares its core packages, marking its singletons (the list the
  // prebuilt extension was built against), and the widget manager shares @jupyter-widgets/base.
  const core = readJson<{ jupyterlab: { singletonPackages: string[] } }>(join(root, "widgets", "frontend", "jupyterlab-core", "package.json"));
  const singletons = new Set([...core.jupyterlab.singletonPackages, "@jupyter-widgets/base"]);
  const shared: Record<string, { singleton?: boolean; requiredVersion: string }> = {};
  for (const scope of ["@jupyterlab", "@lumino", "@jupyter-widgets", "@jupyter"]) {
    for (const name of readdirSync(join(modules, scope))) {
      const pkg = readJson<PackageJson>(join(modules, scope, name, "package.json"));
      shared[pkg.name] = { requiredVersion: `^${pkg.version}`, ...(singletons.has(pkg.name) ? { singleton: true } : {}) };
    }
  }
  for (const name of ["react", "react-dom", "yjs"]) {
    shared[name] = {
      requiredVersion: `^${readJson<PackageJson>(join(modules, name, "package.json")).version}`,
      ...(singletons.has(name) ? { singleton: true } : {}),
    };
  }

  const config = merge(baseConfig, {
    mode: "development",
    devtool: false,
    context: out,
    entry: { bundle: join(out, "bootstrap.js") },
    output: {
      path: result.staticDir,
      publicPath: "/static/lab/",
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      library: { type: "var", name: ["_JUPYTERLAB", "CORE_OUTPUT"] },
    },
    plugins: [
      new webpack.container.ModuleFederationPlugin({
        library: { type: "var", name: ["_JUPYTERLAB", "CORE_LIBRARY_FEDERATION"] },
        name: "CORE_FEDERATION",
        shared,
      }),
    ],
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) => {
    webpack([config, ...themeConfigs] as import("webpack").Configuration[], (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true }).slice(0, 4000)));
      resolve();
    });
  });
  writeFileSync(join(out, "stamp"), key);
  return { ...result, buildSeconds: (Date.now() - started) / 1000 };
}

if (require.main === module) {
  (async () => {
    const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : LAB_VERSIONS;
    for (const version of versions) {
      const built = await buildLab(version);
      console.log(
        `JupyterLab ${version}: npm ci ${built.installSeconds.toFixed(1)} s, webpack ${built.buildSeconds.toFixed(1)} s${built.buildSeconds === 0 ? " (cached)" : ""}`,
      );
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
