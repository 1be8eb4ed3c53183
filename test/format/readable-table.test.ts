import { describe, expect, it } from "vitest";
import { readableTable } from "../../src/format/index";
import { tableFromRows } from "../../src/table";

const raw = tableFromRows([
  { n: 10_000, afr: 0.0301, failures_per_day: 0.824657, ok: true, label: "field" },
  { n: 100_000, afr: 0.096, failures_per_day: 26.30137, ok: false, label: "HDFS" },
]);

describe("readableTable(table, { columns, rows })", () => {
  it("keeps the chosen columns in order under headers in words, numbers to three digits", () => {
    const t = readableTable(raw, {
      columns: {
        label: "what",
        n: "cluster size (nodes)",
        afr: { header: "annual failure rate", percent: true },
        failures_per_day: "failures per day",
        ok: "holds",
      },
    });
    expect(t.columnNames()).toEqual(["what", "cluster size (nodes)", "annual failure rate", "failures per day", "holds"]);
    expect(t.objects()).toEqual([
      { what: "field", "cluster size (nodes)": "10,000", "annual failure rate": "3.01%", "failures per day": "0.825", holds: "yes" },
      { what: "HDFS", "cluster size (nodes)": "100,000", "annual failure rate": "9.60%", "failures per day": "26.3", holds: "no" },
    ]);
  });

  it("keeps only the first rows when asked", () => {
    expect(readableTable(raw, { columns: { n: "n" }, rows: 1 }).numRows()).toBe(1);
  });

  it("names a column the table lacks", () => {
    expect(() => readableTable(raw, { columns: { nodes: "n" } })).toThrow('invalid columns: "nodes" (expected one of the table\'s columns');
  });
});
