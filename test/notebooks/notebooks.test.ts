import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { readNotebook, type Notebook } from "../../kernel-ext/notebook/nbformat";
import { runNotebook } from "../../kernel-ext/notebook/run-notebook";
import { PYTHON, hasPythonModules, kernelEnv, toolsAvailable } from "../helpers/jupyter";

const run = promisify(execFile);
const notebooksDir = join(__dirname, "..", "..", "notebooks");
// Chapters 06 and 07 run in chapters-06-07.test.ts.
const names = readdirSync(notebooksDir).filter((f) => f.endsWith(".ipynb") && !/^0[67]-/.test(f)).sort();
const env = kernelEnv();
const executed = new Map<string, Notebook>();

/** Every text an executed notebook shows: streams, text/plain and text/html of its outputs. */
function outputText(notebook: Notebook): string {
  return notebook.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => {
      if (o.output_type === "stream") return String(o.text);
      if (o.output_type === "error") return `${o.ename}: ${o.evalue}`;
      const data = o.data as Record<string, unknown>;
      return [data["text/plain"], data["text/html"]].filter((t) => typeof t === "string").join("\n");
    })
    .join("\n");
}

describe("the chapter notebooks", () => {
  it("are the three chapters, stored without outputs, on the dslab kernel", () => {
    expect(names).toEqual(["01-why-distribute.ipynb", "02-transparency-and-latency.ipynb", "03-architectures.ipynb"]);
    for (const name of names) {
      const nb = JSON.parse(readFileSync(join(notebooksDir, name), "utf8"));
      expect(nb.metadata.kernelspec.name).toBe("dslab");
      expect(nb.nbformat_minor).toBeGreaterThanOrEqual(5);
      for (const cell of nb.cells) if (cell.cell_type === "code") expect([cell.outputs, cell.execution_count]).toEqual([[], null]);
    }
  });

  describe("under dslab run", () => {
    beforeAll(async () => {
      // The three in parallel: each has its own kernel.
      await Promise.all(names.map(async (name) => {
        const result = await runNotebook(readNotebook(join(notebooksDir, name)), { cwd: notebooksDir, env, timeoutSeconds: 120 });
        expect(result.status, `${name} stopped at cell ${result.failedCell}: ${outputText(result.notebook).slice(-500)}`).toBe("ok");
        executed.set(name, result.notebook);
      }));
    }, 240_000);

    it("execute top to bottom with no error, saving widget state", () => {
      for (const name of names) {
        const nb = executed.get(name)!;
        expect(nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error")).toEqual([]);
        const state = (nb.metadata.widgets as Record<string, { state: Record<string, { model_name: string }> }>)["application/vnd.jupyter.widget-state+json"].state;
        expect(Object.values(state).some((m) => m.model_name === "FigureModel")).toBe(true);
      }
    });

    it("01 shows the 63% of a 100-node cluster at p = 1% and names the seed 000 weak link", () => {
      const text = outputText(executed.get("01-why-distribute.ipynb")!);
      expect(/\|0\.010*\|100\|0\.6339/.test(text), "the sweep row p = 0.01, n = 100 shows 0.6339...").toBe(true);
      expect(text.includes("Weakest tier: load balancer"), "the seed 000 weak link").toBe(true);
      expect(text.includes("0.91 failures a day"), "Dean's one failure a day").toBe(true);
    });

    it("02 reproduces the Tail at Scale's 63% and 18% from the closed form and the simulation", () => {
      const text = outputText(executed.get("02-transparency-and-latency.ipynb")!);
      const row63 = /\|fan-out 100, 1 in 100 slow\|(\d+\.\d)%\|(\d+\.\d)%\|/.exec(text)!;
      const row18 = /\|fan-out 2,000, 1 in 10,000 slow\|(\d+\.\d)%\|(\d+\.\d)%\|/.exec(text)!;
      expect(Math.round(Number(row63[1]))).toBe(63);
      expect(Math.round(Number(row18[1]))).toBe(18);
      // 20,000 simulated requests: within 1.5 points of the closed form (more than 4 standard errors).
      expect(Math.abs(Number(row63[2]) - Number(row63[1]))).toBeLessThan(1.5);
      expect(Math.abs(Number(row18[2]) - Number(row18[1]))).toBeLessThan(1.5);
      expect(text.includes("0xC276A000"), "IBM's word for -118.625").toBe(true);
    });

    it("03 finds Chord's mean path length within one hop above 1/2 log2 N and the paper's lookup N8 → N42 → N51 → N56", () => {
      const text = outputText(executed.get("03-architectures.ipynb")!);
      expect(text.includes("{ owner: 56, path: [ 8, 42, 51, 56 ], hops: 3 }"), "the paper's lookup").toBe(true);
      const rows = [...text.matchAll(/^\|(\d+)\|(\d+\.\d+)\|(\d+(?:\.\d+)?)\|(-?\d+\.\d+)\|\d+\|$/gm)].map((m) => ({ nodes: Number(m[1]), mean: Number(m[2]), half: Number(m[3]) }));
      expect(rows.map((r) => r.nodes)).toEqual([8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]);
      for (const r of rows.filter((r) => r.nodes >= 64)) {
        expect(r.half).toBe(Math.log2(r.nodes) / 2);
        expect(r.mean - r.half).toBeGreaterThan(0);
        expect(r.mean - r.half).toBeLessThan(1);
      }
    });
  });

  const haveNbconvert = toolsAvailable("jupyter-nbconvert", hasPythonModules("nbconvert", "nbclient"));
  it.runIf(haveNbconvert)("export to HTML with `jupyter nbconvert --to html --execute`, every static figure drawn by its HTML fallback", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-nbconvert-html-"));
    await Promise.all(names.map(async (name) => {
      copyFileSync(join(notebooksDir, name), join(dir, name));
      await run(PYTHON, ["-m", "nbconvert", "--to", "html", "--execute", name], { cwd: dir, env, timeout: 200_000 });
      const html = readFileSync(join(dir, name.replace(".ipynb", ".html")), "utf8");
      const source = JSON.parse(readFileSync(join(notebooksDir, name), "utf8"));
      const staticFigures = source.cells.map((c: { source: string[] }) => c.source.join("")).join("\n").match(/display\(figures\./g)?.length ?? 0;
      expect(staticFigures).toBeGreaterThan(2);
      expect((html.match(/window\.Plotly\.newPlot\(/g) ?? []).length, `${name}: figures drawn by the HTML fallback`).toBeGreaterThanOrEqual(staticFigures);
      expect(html.includes('class="jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr"') && html.includes("Error"), `${name}: no error output`).toBe(false);
    }));
  }, 300_000);
});
