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

/**
 * Runs nbconvert, again (up to three times) when its kernel could not bind a port:
 * jupyter_client picks free ports by binding and releasing them, and with seven notebooks
 * converted at once another process may take one before the kernel binds it ("dslab: Address
 * already in use", then "Kernel died before replying to kernel_info"). dslab's own client
 * retries the same way (kernel-ext/client/kernel-client.ts); any other failure fails at once.
 */
async function nbconvert(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run(PYTHON, ["-m", "nbconvert", ...args], options);
      return;
    } catch (error) {
      if (attempt >= 3 || !/Address already in use|EADDRINUSE/.test(String((error as Error & { stderr?: string }).stderr ?? error))) throw error;
    }
  }
}
const notebooksDir = join(__dirname, "..", "..", "notebooks");
const names = readdirSync(notebooksDir)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();
const env = kernelEnv();
const executed = new Map<string, Notebook>();

/** A widget model as a notebook's saved widget state keeps it. */
interface SavedModel {
  model_name: string;
  state: Record<string, unknown>;
}

/** The model ids of a box's children ("IPY_MODEL_<id>" in saved state). */
function children(box: SavedModel): string[] {
  return ((box.state.children as string[]) ?? []).map((c) => c.replace(/^IPY_MODEL_/, ""));
}

/**
 * The interacts of an executed notebook (shown boxes with an Output child) whose saved state
 * has neither a drawn figure in the box nor anything in the output: "interact 2 of 3". Throws
 * if the notebook shows no interact at all, so the check cannot pass vacuously.
 */
function undrawnInteracts(nb: Notebook): string[] {
  const state =
    (nb.metadata.widgets as Record<string, { state: Record<string, SavedModel> }> | undefined)?.["application/vnd.jupyter.widget-state+json"]?.state ?? {};
  const boxes = nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => (o as { data?: Record<string, { model_id?: string }> }).data?.["application/vnd.jupyter.widget-view+json"]?.model_id)
    .map((id) => (id ? state[id] : undefined))
    .filter((m): m is SavedModel => m?.model_name === "VBoxModel" && children(m).some((c) => state[c]?.model_name === "OutputModel"));
  if (boxes.length === 0) throw new Error("no interact in the saved widget state");
  return boxes.flatMap((box, i) => {
    const drawn = children(box).some((c) => {
      const child = state[c];
      if (child?.model_name === "FigureModel") return ((child.state.data as unknown[]) ?? []).length > 0;
      return child?.model_name === "OutputModel" && ((child.state.outputs as unknown[]) ?? []).length > 0;
    });
    return drawn ? [] : [`interact ${i + 1} of ${boxes.length}`];
  });
}

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

/** The rows of every claims table a notebook displayed (checkClaims' columns), from its text/plain. */
function claimRows(notebook: Notebook): { section: string; claim: string; value: string; expected: string; holds: string }[] {
  return notebook.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.output_type === "execute_result" || o.output_type === "display_data")
    .map((o) => (o as { data?: Record<string, unknown> }).data?.["text/plain"])
    .map((t) => (Array.isArray(t) ? t.join("") : String(t ?? "")))
    .filter((t) => t.startsWith("|section|claim|value|expected|holds|"))
    .flatMap((t) =>
      t
        .split("\n")
        .slice(2)
        .filter((line) => line.startsWith("|")),
    )
    .map((line) => {
      const [section, claim, value, expected, holds] = line.slice(1, -1).split("|");
      return { section, claim, value, expected, holds };
    });
}

describe("the chapter notebooks", () => {
  it("are the folder's chapters, named NN-name, stored without outputs, on the dslab kernel", () => {
    expect(names.slice(0, 3)).toEqual(["01-why-distribute.ipynb", "02-transparency-and-latency.ipynb", "03-architectures.ipynb"]);
    for (const name of names) {
      expect(name).toMatch(/^\d\d-[a-z0-9-]+\.ipynb$/);
      const nb = JSON.parse(readFileSync(join(notebooksDir, name), "utf8"));
      expect(nb.metadata.kernelspec.name).toBe("dslab");
      expect(nb.nbformat_minor).toBeGreaterThanOrEqual(5);
      for (const cell of nb.cells) if (cell.cell_type === "code") expect([cell.outputs, cell.execution_count]).toEqual([[], null]);
    }
  });

  describe("under dslab run", () => {
    beforeAll(async () => {
      // Each has its own kernel; two at a time, for a 2-core machine.
      for (let i = 0; i < names.length; i += 2) {
        await Promise.all(
          names.slice(i, i + 2).map(async (name) => {
            const result = await runNotebook(readNotebook(join(notebooksDir, name)), { cwd: notebooksDir, env, timeoutSeconds: 180 });
            expect(result.status, `${name} stopped at cell ${result.failedCell}: ${outputText(result.notebook).slice(-500)}`).toBe("ok");
            executed.set(name, result.notebook);
          }),
        );
      }
    }, 600_000);

    it("execute top to bottom with no error, saving widget state", () => {
      for (const name of names) {
        const nb = executed.get(name)!;
        expect(nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error")).toEqual([]);
        const state = (nb.metadata.widgets as Record<string, { state: Record<string, { model_name: string }> }>)["application/vnd.jupyter.widget-state+json"]
          .state;
        expect(Object.values(state).some((m) => m.model_name === "FigureModel")).toBe(true);
      }
    });

    it("keep every interact's first run: its box holds a drawn figure or its output a value", () => {
      for (const name of names) expect(undrawnInteracts(executed.get(name)!), name).toEqual([]);
    });

    it("each display a table of the claims of their prose, and every claim holds", () => {
      for (const name of names) {
        const rows = claimRows(executed.get(name)!);
        expect(rows.length, `${name}: a claims table (claims.checkClaims) with at least five claims`).toBeGreaterThanOrEqual(5);
        expect(
          rows.filter((r) => r.holds !== "yes"),
          name,
        ).toEqual([]);
        for (const r of rows) expect(r.expected, `${name} [${r.section}] ${r.claim}: a rule with its tolerance`).toMatch(/^(within |in \[|[<>]=? )/);
      }
    });

    it("01 names the seed 000 weak link and Dean's one failure a day", () => {
      const text = outputText(executed.get("01-why-distribute.ipynb")!);
      expect(text.includes("Weakest tier: load balancer"), "the seed 000 weak link").toBe(true);
      expect(text.includes("0.91 failures a day"), "Dean's one failure a day").toBe(true);
      expect(claimRows(executed.get("01-why-distribute.ipynb")!).some((r) => r.claim.startsWith("HDFS at 9.6% a year: 2.63 a day"))).toBe(true);
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

    it("03 draws the paper's lookup N8 → N42 → N51 → N56 and checks Chord's path length against 1/2 log2 N", () => {
      const nb = executed.get("03-architectures.ipynb")!;
      expect(outputText(nb).includes("{ owner: 56, path: [ 8, 42, 51, 56 ], hops: 3 }"), "the paper's lookup").toBe(true);
      expect(claimRows(nb).filter((r) => r.section === "6.1").length).toBeGreaterThanOrEqual(4);
    });
  });

  const haveNbconvert = toolsAvailable("jupyter-nbconvert", hasPythonModules("nbconvert", "nbclient"));
  it.runIf(haveNbconvert)(
    "keep every interact's first run under `jupyter nbconvert --to notebook --execute` (nbclient saves the widget state)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "dslab-nbconvert-nb-"));
      await Promise.all(
        names.map(async (name) => {
          copyFileSync(join(notebooksDir, name), join(dir, name));
          await nbconvert(["--to", "notebook", "--execute", "--output", `executed-${name}`, name], { cwd: dir, env, timeout: 200_000 });
          expect(undrawnInteracts(readNotebook(join(dir, `executed-${name}`))), name).toEqual([]);
        }),
      );
    },
    300_000,
  );

  it.runIf(haveNbconvert)(
    "export to HTML with `jupyter nbconvert --to html --execute`, every static figure drawn by its HTML fallback",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "dslab-nbconvert-html-"));
      await Promise.all(
        names.map(async (name) => {
          copyFileSync(join(notebooksDir, name), join(dir, name));
          await nbconvert(["--to", "html", "--execute", name], { cwd: dir, env, timeout: 200_000 });
          const html = readFileSync(join(dir, name.replace(".ipynb", ".html")), "utf8");
          const source = JSON.parse(readFileSync(join(notebooksDir, name), "utf8"));
          const staticFigures =
            source.cells
              .map((c: { source: string[] }) => c.source.join(""))
              .join("\n")
              .match(/display\(figures\./g)?.length ?? 0;
          expect(staticFigures).toBeGreaterThan(2);
          expect((html.match(/window\.Plotly\.newPlot\(/g) ?? []).length, `${name}: figures drawn by the HTML fallback`).toBeGreaterThanOrEqual(staticFigures);
          expect(
            html.includes('class="jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr"') && html.includes("Error"),
            `${name}: no error output`,
          ).toBe(false);
        }),
      );
    },
    300_000,
  );
});
