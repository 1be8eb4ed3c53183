import { from, table } from "arquero";
import type { ColumnTable } from "arquero";

/** An arquero table: how every experiment returns its results. */
export type Table = ColumnTable;

/** A table with one row per object, columns in the order of the first row's keys. */
export function tableFromRows(rows: readonly object[]): Table {
  return from(rows as Record<string, unknown>[]);
}

/** A table from named columns of equal length. */
export function tableFromColumns(columns: Record<string, ArrayLike<unknown>>): Table {
  return table(columns as Record<string, unknown[]>);
}
