// Pins every @jupyterlab package of one JupyterLab release in a test/jupyterlab/versions/<v>
// folder. A release's packages ask for each other with caret ranges (`^4.0.0`), so a plain npm
// install mixes in newer ones; JupyterLab itself ships one lockfile. The release's own versions
// are the lower bounds of those ranges: this writes them as npm overrides and reinstalls until
// the installed set no longer changes. Usage: npx tsx test/jupyterlab/pin-release.ts <folder>
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
if (!folder || !existsSync(join(folder, "package.json"))) throw new Error(`invalid folder: ${folder} (expected a folder with a package.json)`);

/** Every package.json of @jupyterlab packages under node_modules, nested ones included. */
function installed(dir: string): { name: string; version: string; dependencies?: Record<string, string> }[] {
  const out: { name: string; version: string; dependencies?: Record<string, string> }[] = [];
  const scope = join(dir, "node_modules", "@jupyterlab");
  if (existsSync(scope))
    for (const name of readdirSync(scope)) {
      const pkg = join(scope, name);
      out.push(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")));
      out.push(...installed(pkg));
    }
  const jw = join(dir, "node_modules", "@jupyter-widgets");
  if (existsSync(jw)) for (const name of readdirSync(jw)) out.push(...installed(join(jw, name)));
  return out;
}

const compare = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

for (let round = 1; round <= 5; round++) {
  const pins: Record<string, string> = {};
  for (const pkg of installed(folder))
    for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
      const m = /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range);
      if (!dep.startsWith("@jupyterlab/") || !m) continue;
      if (!pins[dep] || compare(m[1], pins[dep]) < 0) pins[dep] = m[1];
    }
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  for (const [dep, version] of Object.entries(manifest.dependencies as Record<string, string>)) if (dep.startsWith("@jupyterlab/")) pins[dep] = version;
  const sorted = Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)));
  if (JSON.stringify(sorted) === JSON.stringify(manifest.overrides ?? {})) {
    console.log(`pinned ${Object.keys(sorted).length} packages after ${round - 1} reinstall(s)`);
    break;
  }
  manifest.overrides = sorted;
  writeFileSync(join(folder, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: folder, stdio: "inherit" });
}
