import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

/** A notebook output (nbformat 4). */
export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string | string[] }
  | { output_type: "display_data"; data: Record<string, unknown>; metadata: Record<string, unknown>; transient?: unknown }
  | { output_type: "execute_result"; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** A notebook cell (nbformat 4.5: every cell has an id). */
export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, unknown>;
}

/** An nbformat 4 notebook. */
export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** A cell's source as one string. */
export function sourceText(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Splits text into nbformat's list of lines, each keeping its newline. */
export function toLines(text: string): string[] {
  return text === "" ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;

/** Reads a notebook, upgrading it to nbformat 4.5 (cell ids). */
export function readNotebook(path: string): Notebook {
  const notebook = JSON.parse(readFileSync(path, "utf8")) as Notebook;
  if (notebook.nbformat !== 4) throw new Error(`${path}: nbformat ${notebook.nbformat} is not supported (expected 4)`);
  return withCellIds(notebook);
}

/** Gives every cell a valid, unique id (nbformat 4.5), keeping the ids it has. */
export function withCellIds(notebook: Notebook): Notebook {
  const seen = new Set<string>();
  const cells = notebook.cells.map((cell) => {
    let id = cell.id && CELL_ID.test(cell.id) && !seen.has(cell.id) ? cell.id : randomUUID().slice(0, 8);
    while (seen.has(id)) id = randomUUID().slice(0, 8);
    seen.add(id);
    return { ...cell, id };
  });
  return { ...notebook, cells, nbformat: 4, nbformat_minor: Math.max(5, notebook.nbformat_minor ?? 5) };
}

/** The notebook with every code cell's outputs and execution count cleared. */
export function clearOutputs(notebook: Notebook): Notebook {
  return { ...notebook, cells: notebook.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c)) };
}

/** Writes a notebook as Jupyter does: 1-space indentation, sources as line lists, a final newline. */
export function writeNotebook(path: string, notebook: Notebook): void {
  const normalized = {
    ...notebook,
    cells: notebook.cells.map((cell) => ({
      ...cell,
      source: toLines(sourceText(cell)),
      ...(cell.outputs ? { outputs: cell.outputs.map(normalizeOutput) } : {}),
    })),
  };
  writeFileSync(path, `${JSON.stringify(normalized, null, 1)}\n`);
}

function normalizeOutput(output: Output): Output {
  if (output.output_type === "stream") return { ...output, text: toLines(Array.isArray(output.text) ? output.text.join("") : output.text) };
  if (output.output_type === "display_data" || output.output_type === "execute_result") {
    // transient is not stored (nbformat schema); multi-line text types become line lists.
    const { transient: _transient, ...rest } = output as Output & { transient?: unknown };
    const data = Object.fromEntries(
      Object.entries((rest as { data: Record<string, unknown> }).data).map(([mime, value]) => [
        mime,
        typeof value === "string" && (mime.startsWith("text/") || mime === "image/svg+xml") ? toLines(value) : value,
      ]),
    );
    return { ...rest, data } as Output;
  }
  return output;
}
