import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCodeRunner } from "../../kernel-ext/kernel/code-runner";
import { tslabTypescriptPath } from "../../kernel-ext/kernel/typescript-for-tslab";

// One runner in a folder of its own, as a kernel has: cells are type-checked as ES modules and
// run as the CommonJS the program's emit writes (no second conversion).
const dir = mkdtempSync(join(tmpdir(), "dslab-code-runner-"));
writeFileSync(join(dir, "local.ts"), "export const v: number = 1;\n");
const runner = createCodeRunner(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const value = async (code: string, count?: number) => {
  const r = await runner.execute(code, count);
  if (r.status !== "ok") throw new Error(`${code}: ${JSON.stringify(r)}`);
  return r.value;
};

describe("the code runner", () => {
  it("reports a type error with its line and column before anything in the cell runs", async () => {
    const g = globalThis as { ranBeforeError?: boolean };
    const r = await runner.execute('globalThis.ranBeforeError = true;\nconst s: number = "text";');
    expect(r).toMatchObject({ status: "error", ename: "CompileError" });
    expect(r.status === "error" && r.traceback[0]).toMatch(/^cell:2:7 - Type 'string' is not assignable to type 'number'/);
    expect(g.ranBeforeError).toBeUndefined();
  });

  it("runs cells as CommonJS with live exported names, imports, dynamic imports and top-level await", async () => {
    expect(await value("let n = 1;\nn = n + 1;\nn")).toBe(2);
    expect(await value("n = n * 10;\nn")).toBe(20);
    expect(await value('import * as path from "node:path";\npath.basename("/a/b.txt")')).toBe("b.txt");
    expect(await value('const os = await import("node:os");\ntypeof os.cpus')).toBe("function");
    expect(await value("enum E { A, B }\nclass C { k = E.B }\nnew C().k")).toBe(1);
  });

  it("keeps every earlier cell's names and types across cells that declare nothing, and after a declaration changes them", async () => {
    expect(await value("const kept = 41;\ninterface Kept { k: number }\nkept")).toBe(41);
    for (let i = 0; i < 3; i++) expect(await value(`kept + ${i}`)).toBe(41 + i);
    expect(await value("const viaType: Kept = { k: kept + 1 };\nviaType.k")).toBe(42);
    const wrong = await runner.execute('const notKept: Kept = { k: "x" };');
    expect(wrong).toMatchObject({ status: "error", ename: "CompileError" });
    expect(await value('const kept2 = "two";\n`${kept}${kept2}`')).toBe("41two");
    expect(await value("kept2.length + viaType.k")).toBe(45);
  });

  it("sees a redefined type: the cell after a redefinition is checked against the new one", async () => {
    expect(await value("type Id = number;\nconst id1: Id = 1;\nid1")).toBe(1);
    expect(await value('type Id = string;\nconst id2: Id = "a";\nid2')).toBe("a");
    const r = await runner.execute("const id3: Id = 3;");
    expect(r.status === "error" && r.evalue).toMatch(/Type 'number' is not assignable to type 'string'/);
  });

  it("sees a changed local module in the next cell that imports it", async () => {
    expect(await value('import { v } from "./local";\nv')).toBe(1);
    writeFileSync(join(dir, "local.ts"), 'export const v: string = "two";\n');
    // tslab learns of the change from a file watcher; wait for it rather than for a fixed time.
    let seen: unknown;
    for (let i = 0; i < 100 && seen !== "two"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await value('import { v as v2 } from "./local";\nv2');
    }
    expect(seen).toBe("two");
    const r = await runner.execute('import { v as v3 } from "./local";\nconst k: number = v3;');
    expect(r.status === "error" && r.evalue).toMatch(/Type 'string' is not assignable to type 'number'/);
  });

  it("puts a traceback on the user's lines, in the running cell and in the cell that defined a function", async () => {
    await value("function boom(n: number) {\n\n  // a comment, then a blank line\n  throw new Error(`boom ${n}`);\n}", 6);
    const r = await runner.execute("const before = 1;\nboom(before);", 7);
    expect(r.status).toBe("error");
    const frames = r.status === "error" ? r.traceback : [];
    expect(frames[0]).toBe("Error: boom 1");
    expect(frames[1]).toMatch(/at boom \(In\[6\]:4:9\)/);
    expect(frames[2]).toMatch(/at cell:2:1/);
  });

  it("converts with ts.transpileModule whatever the program did not emit just now (the pass-through is keyed by the emitted text)", () => {
    const ts = require(tslabTypescriptPath()) as typeof import("@tslab/typescript-for-tslab");
    const out = ts.transpileModule("export const q = 1;\n", { fileName: "custom.js", compilerOptions: { module: ts.ModuleKind.CommonJS } });
    expect(out.outputText).toContain("exports.q = 1");
  });
});
