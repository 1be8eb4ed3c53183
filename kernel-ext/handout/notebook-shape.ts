/** The parts of an nbformat 4 notebook a handout reads (structurally compatible with kernel-ext/notebook). */
export interface HandoutOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  execution_count?: number | null;
}

/** A cell as a handout reads it. */
export interface HandoutCell {
  cell_type: string;
  source: string | string[];
  outputs?: HandoutOutput[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

/** A notebook as a handout reads it. */
export interface HandoutNotebook {
  cells: HandoutCell[];
  metadata: Record<string, unknown>;
}

/** Joins nbformat's multiline strings (a string or an array of lines). */
export function joinText(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}
