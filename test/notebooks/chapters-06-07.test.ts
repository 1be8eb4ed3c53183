import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readNotebook, type Notebook } from "../../kernel-ext/notebook/nbformat";
import { runNotebook } from "../../kernel-ext/notebook/run-notebook";
import { kernelEnv } from "../helpers/jupyter";

// Chapters 06 and 07 (issue 16), run like chapters 01-03 in notebooks.test.ts.
const notebooksDir = join(__dirname, "..", "..", "notebooks");
const NAMES = ["06-consistency-and-transactions.ipynb", "07-consensus.ipynb"];
const executed = new Map<string, Notebook>();

/** Every text an executed notebook shows: streams, errors, text/plain and text/html. */
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

describe("chapters 06 and 07", () => {
  it("are stored without outputs, on the dslab kernel, citing the notes and the papers", () => {
    for (const name of NAMES) {
      const nb = JSON.parse(readFileSync(join(notebooksDir, name), "utf8"));
      expect(nb.metadata.kernelspec.name).toBe("dslab");
      for (const cell of nb.cells) if (cell.cell_type === "code") expect([cell.outputs, cell.execution_count]).toEqual([[], null]);
      const prose = nb.cells
        .filter((c: { cell_type: string }) => c.cell_type === "markdown")
        .map((c: { source: string[] }) => c.source.join(""))
        .join("\n");
      expect(prose).toMatch(/<details>/);
    }
  });

  describe("under dslab run", () => {
    beforeAll(async () => {
      const env = kernelEnv();
      await Promise.all(
        NAMES.map(async (name) => {
          const result = await runNotebook(readNotebook(join(notebooksDir, name)), { cwd: notebooksDir, env, timeoutSeconds: 240 });
          if (process.env.DSLAB_KEEP_EXECUTED) writeFileSync(join(process.env.DSLAB_KEEP_EXECUTED, name), JSON.stringify(result.notebook));
          expect(result.status, `${name} stopped at cell ${result.failedCell}: ${outputText(result.notebook).slice(-800)}`).toBe("ok");
          executed.set(name, result.notebook);
        }),
      );
    }, 300_000);

    it("06 runs top to bottom, its claims hold, and it prints the notes' schedule with its cycle", () => {
      const nb = executed.get("06-consistency-and-transactions.ipynb")!;
      expect(nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error")).toEqual([]);
      const text = outputText(nb);
      expect(text).toContain("the notes' schedule 1111222221: R1(X) W1(X) R2(X) W2(X) W2(Y) W1(Y) → X = 4, Y = 12; conflict cycle T1 → T2 → T1");
      expect(text).toMatch(/under strict 2PL: 252 of 252 schedules end at X = 4, Y = 14; 240 deadlock/);
      const state = (nb.metadata.widgets as Record<string, { state: Record<string, { model_name: string }> }>)["application/vnd.jupyter.widget-state+json"]
        .state;
      expect(Object.values(state).some((m) => m.model_name === "FigureModel")).toBe(true);
    });

    it("07 runs top to bottom, its claims hold, and it saves the explorer's and the figures' widget state", () => {
      const nb = executed.get("07-consensus.ipynb")!;
      expect(nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error")).toEqual([]);
      const text = outputText(nb);
      // checkClaims prints its table; a failing claim would have stopped the run above.
      expect((text.match(/150–155 ms: median near the paper's 287 ms/g) ?? []).length).toBeGreaterThan(0);
      expect(text).toMatch(/replayed \d+ inputs: same cluster state as the original: true/);
      expect(text).toMatch(/same log and commit index as the leader again at \d+ ms, \d+ ms after its restart; at the end it holds 12 entries, 12 committed/);
      const state = (nb.metadata.widgets as Record<string, { state: Record<string, { model_name: string }> }>)["application/vnd.jupyter.widget-state+json"]
        .state;
      const models = Object.values(state).map((m) => m.model_name);
      expect(models.filter((m) => m === "ClusterExplorerModel").length).toBe(3);
      expect(Object.values(state).filter((m) => (m as { state?: { protocol?: string } }).state?.protocol === "paxos").length).toBe(1);
      expect(models).toContain("FigureModel");
    });
  });
});
