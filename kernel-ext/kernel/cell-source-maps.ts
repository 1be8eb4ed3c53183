// Where a line of a stack trace is in the cell the user wrote.
//
// A cell runs as JavaScript two conversions away from its TypeScript: tslab's program emits an
// ES module (blank lines and comments dropped, types erased), ts.transpileModule turns that into
// CommonJS (a module header and export bookkeeping added, imports rewritten), and tslab's
// executor wraps it in a function. The kernel has both conversions write source maps, runs each
// cell as a script of its own name, and composes the maps to print `cell:LINE:COL` for the
// running cell and `In[N]:LINE:COL` for a function defined by cell N and called later.
import { SourceMap, type SourceMapPayload } from "node:module";

/** The maps of one cell's conversions. */
interface CellMaps {
  /** How the cell is named to the user: its execution count, when it has one. */
  executionCount?: number;
  /** ES module emitted by the program → the cell's TypeScript. */
  emitted?: SourceMap;
  /** CommonJS run by the executor → the ES module; null when the emit was CommonJS already (then `emitted` maps the code that runs). */
  transpiled?: SourceMap | null;
  /** Columns the executor's wrapper adds before the first line. */
  wrapperColumns: number;
  /** Lines of the cell's CommonJS; the wrapper's closing call is on the line after. */
  lines: number;
}

/** Lines tslab puts before a cell's source (srcPrefix in tslab's converter: `export {};`). */
const CELL_PREFIX_LINES = 1;

/** A script name that marks a cell: never a file name a user would have. */
const SCRIPT_NAME = /dslab-cell-\d+/;
/** A position in a cell script: id, line, column. */
const SCRIPT_POSITION = /dslab-cell-(\d+):(\d+):(\d+)/;
const SCRIPT_POSITIONS = new RegExp(SCRIPT_POSITION.source, "g");
export const scriptName = (id: number): string => `dslab-cell-${id}`;

/** The source maps of the cells run so far, by cell id; the newest cell is the one running. */
export class CellSourceMaps {
  private readonly cells = new Map<number, CellMaps>();
  private pendingEmit?: string;
  private pendingTranspile = new Map<string, string | null>();
  private newest = 0;

  constructor(private readonly keep = 2000) {}

  /** A file written by the program's emit: the map of the cell's ES module is kept for the next cell. */
  recordEmittedFile(fileName: string, text: string): void {
    if (/(^|[\\/])__tslab__\.js\.map$/.test(fileName)) this.pendingEmit = text;
  }

  /** A transpile's CommonJS output (as it will run) and its map; null: the output is the emit's, unchanged. */
  recordTranspile(output: string, map: string | null | undefined): void {
    if (map === undefined) return;
    this.pendingTranspile.set(output, map);
    if (this.pendingTranspile.size > 64) this.pendingTranspile.delete(this.pendingTranspile.keys().next().value as string);
  }

  /** Starts cell `id`, whose CommonJS is `output`, with the maps recorded while it was converted. */
  startCell(id: number, output: string, wrapperColumns: number, executionCount?: number): void {
    const cell: CellMaps = {
      executionCount,
      wrapperColumns,
      lines: output.split("\n").length,
      emitted: parseMap(this.pendingEmit),
      transpiled: this.pendingTranspile.get(output) === null ? null : parseMap(this.pendingTranspile.get(output) ?? undefined),
    };
    this.pendingEmit = undefined;
    this.pendingTranspile.clear();
    this.cells.set(id, cell);
    this.newest = id;
    if (this.cells.size > this.keep) this.cells.delete(this.cells.keys().next().value as number);
  }

  /**
   * The frame text with every position in a cell script rewritten to the cell's own line and
   * column (1-based): `cell:L:C` in the running cell (the newest, unless `inRunningCell` is
   * false: a callback after the cell), `In[N]:L:C` in cell N.
   */
  rewriteFrame(frame: string, inRunningCell = true): string {
    // Cells' names live on tslab's exports object, a proxy: V8 would say `at Proxy.f (...)`.
    if (CellSourceMaps.isCellFrame(frame)) frame = frame.replace(/^(\s+at )Proxy\./, "$1");
    return frame.replace(SCRIPT_POSITIONS, (whole, id: string, line: string, column: string) => {
      const cell = this.cells.get(Number(id));
      if (!cell) return whole;
      const name = (inRunningCell && Number(id) === this.newest) || cell.executionCount === undefined ? "cell" : `In[${cell.executionCount}]`;
      const at = this.cellPosition(cell, Number(line), Number(column));
      return at ? `${name}:${at.line}:${at.column}` : `${name} (compiled):${line}:${column}`;
    });
  }

  /** A whole stack, each frame rewritten; for errors outside a cell's run (callbacks, timers). */
  rewriteStack(stack: string): string {
    return stack
      .split("\n")
      .map((line) => this.rewriteFrame(line, false))
      .join("\n");
  }

  /** Whether a stack frame is the executor's call of a cell's wrapper: not the user's code. */
  isWrapperFrame(frame: string): boolean {
    const at = SCRIPT_POSITION.exec(frame);
    const cell = at && this.cells.get(Number(at[1]));
    return !!cell && Number(at[2]) > cell.lines;
  }

  /** Whether a stack frame is in a cell's script. */
  static isCellFrame(frame: string): boolean {
    return SCRIPT_NAME.test(frame);
  }

  private cellPosition(cell: CellMaps, line: number, column: number): { line: number; column: number } | undefined {
    if (cell.transpiled === undefined || !cell.emitted) return undefined;
    // Stack positions are 1-based, maps 0-based; the wrapper shares the first line.
    const col0 = Math.max(0, line === 1 ? column - 1 - cell.wrapperColumns : column - 1);
    const esm = cell.transpiled === null ? { line: line - 1, column: col0 } : original(cell.transpiled, line - 1, col0);
    const ts = esm && original(cell.emitted, esm.line, esm.column);
    // tslab's program reads the cell as "export {};\n" + the cell.
    return ts && ts.line >= CELL_PREFIX_LINES ? { line: ts.line - CELL_PREFIX_LINES + 1, column: ts.column + 1 } : undefined;
  }
}

function parseMap(text: string | undefined): SourceMap | undefined {
  if (text === undefined) return undefined;
  try {
    return new SourceMap(JSON.parse(text) as SourceMapPayload);
  } catch {
    return undefined;
  }
}

function original(map: SourceMap, line: number, column: number): { line: number; column: number } | undefined {
  const entry = map.findEntry(line, column) as Partial<{ generatedLine: number; originalLine: number; originalColumn: number }>;
  // findEntry may answer from an earlier line when a line has no mapping of its own.
  if (entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
  return { line: entry.originalLine, column: entry.generatedLine === line ? entry.originalColumn : 0 };
}

/** The kernel's cells: one code runner per process runs them. */
export const cellSourceMaps = new CellSourceMaps();

/** `text` without the source-map comments a conversion appended to it. */
export function withoutSourceMappingComments(text: string): string {
  return text.replace(/(\r?\n\/\/# sourceMappingURL=[^\n]*)+\s*$/, "");
}
