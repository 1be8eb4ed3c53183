import { runInNewContext, createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { compileCell, planLiveCells } from "../../kernel-ext/handout/compile-cells";
import { RESULT_HOOK } from "../../widgets/frontend/live/live-protocol";
import type { HandoutCell, HandoutNotebook } from "../../kernel-ext/handout/notebook-shape";

const VIEW = "application/vnd.jupyter.widget-view+json";

function code(source: string, executionCount: number, widget?: string): HandoutCell {
  return {
    cell_type: "code",
    source,
    execution_count: executionCount,
    outputs: widget ? [{ output_type: "display_data", data: { [VIEW]: { model_id: widget } } }] : [],
  };
}

function notebook(...cells: HandoutCell[]): HandoutNotebook {
  return { cells, metadata: {} };
}

describe("compileCell", () => {
  it("erases types and turns imports into require calls and top-level let/const/class into var", () => {
    const js = compileCell(
      `import { failure, type Table } from "dslab";\nimport * as aq from "arquero";\nimport type { X } from "y";\nconst n: number = 2;\nlet s = "a";\nclass A { x = 1 }\ninterface I { a: number }`,
    );
    expect(js).toContain(`var { failure } = require("dslab");`);
    expect(js).toContain(`var aq = require("arquero");`);
    expect(js).not.toContain(`"y"`);
    expect(js).toMatch(/var n = 2;/);
    expect(js).toMatch(/var s = "a";/);
    expect(js).toMatch(/var A = class A/);
    expect(js).not.toMatch(/\b(let|const|interface)\b/);
  });

  it("gives cells run in order one global scope: later cells see and may redeclare earlier names", () => {
    const context = createContext({ require: (name: string) => ({ dslab: { twice: (x: number) => 2 * x } })[name] });
    for (const cell of [
      `import { twice } from "dslab";\nconst a = twice(2);`,
      `const b: number = a + 1;`,
      `const a = b * 10;\nclass K { v = a }`,
      `var out = [a, b, new K().v];`,
    ])
      runInContext(compileCell(cell), context);
    expect(runInContext("out", context)).toEqual([50, 5, 50]);
  });

  it("reports a cell that does not parse", () => {
    expect(() => compileCell("const = ;")).toThrow(/does not compile/);
  });

  it("keeps semantics of functions and closures", () => {
    expect(
      runInNewContext(`${compileCell("function f(n: number): number { return n <= 1 ? 1 : n * f(n - 1); }\nconst r = [1, 2, 3].map((x) => f(x));")}\nr`),
    ).toEqual([1, 2, 6]);
  });

  it("hands a last expression's value to the page's result hook (a bare widget on the last line is shown, as in the kernel), and nothing else", () => {
    const results: unknown[] = [];
    const context = createContext({ require: () => ({}), [RESULT_HOOK]: (value: unknown) => results.push(value) });
    for (const cell of [`const w = { kind: "widget" };\nw`, `let n = 1;\nn = 2, n + 40`, `const quiet = 3;`, `import "dslab";`, `w;\nconst after = 1;`])
      runInContext(compileCell(cell), context);
    expect(results).toEqual([{ kind: "widget" }, 42]);
    // Without the hook (the kernel's own Node), the cell still runs.
    expect(runInNewContext(`${compileCell("const v = 5;\nv * 2")}\nv`)).toBe(5);
  });
});

describe("planLiveCells", () => {
  it("runs the widget cells and, transitively, the cells whose names they use, in notebook order", () => {
    const nb = notebook(
      code(`import { failure } from "dslab";\nconst SEED = 1;`, 1),
      code(`const unused = failure.decades(10);`, 2),
      code(`const helper = (x: number) => x + SEED;`, 3),
      code(`interact(({ p }) => helper(p), { p: [0, 1] });`, 4, "m1"),
      code(`console.log("after");`, 5),
    );
    const plan = planLiveCells(nb, new Set(["m1"]));
    expect(plan.cells.map((c) => c.index)).toEqual([0, 2, 3]);
    expect(plan.cells[2].widgetViews).toEqual(["m1"]);
    expect(plan.kernelOnly).toEqual([]);
  });

  it("leaves a cell that needs Node to the kernel, naming it, and keeps the widgets depending on it static", () => {
    const nb = notebook(
      code(`import { readFileSync } from "node:fs";\nconst text = readFileSync("x", "utf8");`, 1),
      code(`const n = process.argv.length;`, 2),
      code(`interact(({ p }) => text + p + n, { p: [0, 1] });`, 3, "m1"),
      code(`interact(({ p }) => p, { p: [0, 1] });`, 4, "m2"),
    );
    const plan = planLiveCells(nb, new Set(["m1", "m2"]));
    expect(plan.kernelOnly.map((c) => [c.index, c.reason])).toEqual([
      [0, expect.stringContaining(`imports "node:fs"`)],
      [1, expect.stringContaining("uses Node's `process`")],
      [2, expect.stringContaining("uses text from cell In[1]")],
    ]);
    expect(plan.staticWidgets).toEqual([
      { modelId: "m1", cell: 2, reason: expect.stringMatching(/^cell In\[3\] \(#3 in the notebook\) runs only in the kernel/) },
    ]);
    expect(plan.cells.map((c) => c.index)).toEqual([3]);
  });

  it("ignores widget views whose state was not saved", () => {
    expect(planLiveCells(notebook(code(`interact(() => 1, {});`, 1, "gone")), new Set()).cells).toEqual([]);
  });
});

describe("planLiveCells and the worker's own globals", () => {
  it("leaves to the kernel a cell declaring a name the worker scope owns, saying which", () => {
    const plan = planLiveCells(notebook(code(`const name = "ring";\ninteract(() => name, {});`, 1, "m1")), new Set(["m1"]));
    expect(plan.kernelOnly[0].reason).toMatch(/declares `name` at its top level/);
  });
});
