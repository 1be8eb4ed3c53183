import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cellCompilerOptions, packageRoot } from "../../kernel-ext/kernel/code-runner";

const root = packageRoot();

describe("cellCompilerOptions(dir, root)", () => {
  it("adds nothing in a project that has @types/node", () => {
    expect(cellCompilerOptions(join(root, "notebooks"), root)).toEqual({});
  });

  it("in a project without @types/node, adds Node's types from dslab but leaves packages to the project", () => {
    const project = mkdtempSync(join(tmpdir(), "dslab-project-"));
    mkdirSync(join(project, "node_modules", "@types", "lodash"), { recursive: true });
    expect(cellCompilerOptions(join(project), root)).toEqual({ typeRoots: [join(project, "node_modules", "@types"), join(root, "node_modules", "@types")] });
  });

  it("outside any project, also maps packages and dslab's subpath exports to dslab's folders, from a baseUrl above them", () => {
    const options = cellCompilerOptions(mkdtempSync(join(tmpdir(), "dslab-cwd-")), root);
    expect(options.typeRoots).toEqual([join(root, "node_modules", "@types")]);
    expect(options.baseUrl).toBe(root);
    expect(options.paths).toEqual({
      "*": ["node_modules/*", "node_modules/@types/*"],
      "dslab/kernel": ["dist/kernel-ext/index.d.ts"],
      "dslab/widgets": ["dist/widgets/index.d.ts"],
    });
  });

  it("maps from the project dslab is installed in, its own node_modules first, when dslab is a dependency", () => {
    const project = mkdtempSync(join(tmpdir(), "dslab-installed-"));
    const installed = join(project, "node_modules", "dslab");
    mkdirSync(join(installed, "node_modules"), { recursive: true });
    mkdirSync(join(project, "node_modules", "@types", "node"), { recursive: true });
    copyFileSync(join(root, "package.json"), join(installed, "package.json"));
    const options = cellCompilerOptions(mkdtempSync(join(tmpdir(), "dslab-cwd-")), installed);
    expect(options.baseUrl).toBe(project);
    expect(options.typeRoots).toEqual([join(project, "node_modules", "@types")]);
    expect(options.paths).toMatchObject({
      "*": ["node_modules/dslab/node_modules/*", "node_modules/dslab/node_modules/@types/*", "node_modules/*", "node_modules/@types/*"],
      "dslab/kernel": ["node_modules/dslab/dist/kernel-ext/index.d.ts"],
    });
  });
});
