import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readNotebook, type Notebook } from "../../kernel-ext/notebook/nbformat";
import { runNotebook } from "../../kernel-ext/notebook/run-notebook";
import { kernelEnv } from "../helpers/jupyter";

const notebooksDir = join(__dirname, "..", "..", "notebooks");
const chapters = ["04-communication.ipynb", "05-computational-models.ipynb"];
const env = kernelEnv();
const executed = new Map<string, Notebook>();

/** The text/plain of every output of an executed notebook, and its errors. */
function outputText(notebook: Notebook): string {
  return notebook.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => {
      if (o.output_type === "stream") return String(o.text);
      if (o.output_type === "error") return `${o.ename}: ${o.evalue}`;
      const data = o.data as Record<string, unknown>;
      return typeof data["text/plain"] === "string" ? data["text/plain"] : "";
    })
    .join("\n");
}

/** Rows of the markdown tables a notebook printed whose header starts with `header`, as objects. */
function tableRows(text: string, header: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (!line.startsWith(`|${header}|`)) return;
    const names = line.split("|").slice(1, -1);
    for (let j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
      const cells = lines[j].split("|").slice(1, -1);
      rows.push(Object.fromEntries(names.map((n, k) => [n, cells[k]])));
    }
  });
  return rows;
}

describe("the chapter 04 and 05 notebooks under dslab run", () => {
  beforeAll(async () => {
    await Promise.all(
      chapters.map(async (name) => {
        const result = await runNotebook(readNotebook(join(notebooksDir, name)), { cwd: notebooksDir, env, timeoutSeconds: 120 });
        expect(result.status, `${name} stopped at cell ${result.failedCell}: ${outputText(result.notebook).slice(-800)}`).toBe("ok");
        executed.set(name, result.notebook);
      }),
    );
  }, 240_000);

  it("check every claim of their prose, section by section, and all hold", () => {
    for (const name of chapters) {
      const claims = tableRows(outputText(executed.get(name)!), "section");
      expect(claims.length, name).toBeGreaterThan(20);
      expect(
        claims.every((c) => c.section && c.claim && c.expected),
        name,
      ).toBe(true);
      expect(
        claims.filter((c) => c.holds !== "yes"),
        name,
      ).toEqual([]);
    }
  });

  it("04 reproduces Demers' residues 0.203 (k = 1) and 0.060 (k = 2) and Mathis' C = 1.22", () => {
    const text = outputText(executed.get("04-communication.ipynb")!);
    const residue = tableRows(text, "k");
    // 50 runs of 1,000 sites: the standard error of the mean residue is about 0.002 at k = 1.
    expect(Math.abs(Number(residue[0]["residue (simulated)"]) - 0.2032)).toBeLessThan(0.01);
    expect(Math.abs(Number(residue[1]["residue (simulated)"]) - 0.0595)).toBeLessThan(0.005);
    expect(Number(residue[0]["residue (closed form)"])).toBeCloseTo(0.2032, 4);
    const mathis = tableRows(text, "loss p").find((r) => Number(r["loss p"]) === 0.001)!;
    // Periodic loss: the sawtooth's discreteness leaves C 2-3% under √(3/2) at p = 0.001.
    expect(Math.abs(Number(mathis["C, periodic loss"]) / Math.sqrt(1.5) - 1)).toBeLessThan(0.03);
  });

  it("04 saves the state of its four widgets", () => {
    const nb = executed.get("04-communication.ipynb")!;
    const state = (nb.metadata.widgets as Record<string, { state: Record<string, { model_name: string }> }>)["application/vnd.jupyter.widget-state+json"].state;
    expect(Object.values(state).filter((m) => m.model_name === "FigureModel")).toHaveLength(4);
  });

  it("05 shows the timeout detector's closed-form query accuracy beside the simulation, and clocks within Cristian's bound", () => {
    const text = outputText(executed.get("05-computational-models.ipynb")!);
    const rows = tableRows(text, "timeout (ms)");
    expect(rows.map((r) => Number(r["timeout (ms)"]))).toEqual([110, 125, 150, 175, 200, 250, 300, 400]);
    const simulated = (r: Record<string, string>) => Number(r["time suspected (simulated)"]);
    const closedForm = (r: Record<string, string>) => Number(r["time suspected (closed form)"]);
    // 100,000 heartbeats: where at least 1% of the time is suspicion (> 1,000 mistakes), within 5%.
    for (const r of rows.filter((r) => closedForm(r) >= 0.01)) expect(Math.abs(simulated(r) / closedForm(r) - 1)).toBeLessThan(0.05);
    expect(text).toContain("200 ppm: 17.28 s a day, 6.0 ms every 30 s");
    expect(text).toMatch(/doubles at f = 1\/4,999 \(data centre\)/);
  });

  it("05 saves the state of its four widgets", () => {
    const nb = executed.get("05-computational-models.ipynb")!;
    const state = (nb.metadata.widgets as Record<string, { state: Record<string, { model_name: string }> }>)["application/vnd.jupyter.widget-state+json"].state;
    expect(Object.values(state).filter((m) => m.model_name === "FigureModel")).toHaveLength(4);
  });
});
