import { tableFromRows, type Table } from "../table";
import { checkInteger, invalidRange, invalidType } from "../validate";
import { formatNumber, type FormatNumberOptions } from "./format-number";

/** How one column is shown: its header in words with the unit, and how its numbers read. */
export type ColumnFormat = string | ({ header: string } & FormatNumberOptions);

/** Options for readableTable. */
export interface ReadableTableOptions {
  /** The columns to show, in order, each with its header ("cluster size (nodes)") and number format. */
  columns: Record<string, ColumnFormat>;
  /** Rows to keep (the rest stay in the figure). Defaults to all. */
  rows?: number;
  /** Significant digits of every number unless a column says otherwise. Defaults to 3. */
  digits?: number;
}

/**
 * A table for a reader: the chosen columns, headed in words with units, numbers to three
 * significant digits (see formatNumber), booleans as yes/no, and at most `rows` rows.
 */
export function readableTable(table: Table, { columns, rows, digits = 3 }: ReadableTableOptions): Table {
  if (columns === null || typeof columns !== "object" || Object.keys(columns).length === 0)
    throw invalidType("columns", columns, "an object naming at least one column");
  const names = table.columnNames();
  for (const name of Object.keys(columns))
    if (!names.includes(name)) throw invalidRange("columns", name, `one of the table's columns ${JSON.stringify(names)}`);
  const limit = rows === undefined ? table.numRows() : checkInteger("rows", rows, 1);
  const objects = (table.objects() as Record<string, unknown>[]).slice(0, limit);
  return tableFromRows(
    objects.map((row) => {
      const out: Record<string, string> = {};
      for (const [name, format] of Object.entries(columns)) {
        const { header, ...options } = typeof format === "string" ? { header: format } : format;
        out[header] = cell(row[name], { digits, ...options });
      }
      return out;
    }),
  );
}

function cell(value: unknown, options: FormatNumberOptions): string {
  if (typeof value === "number") return formatNumber(value, options);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === undefined) return "–";
  return String(value);
}
