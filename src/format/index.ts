export type { FormatNumberOptions } from "./format-number";
export { formatNumber } from "./format-number";
export type { ColumnFormat, ReadableTableOptions } from "./readable-table";
export { readableTable } from "./readable-table";
