import { describe, expect, it } from "vitest";
import { tableFromColumns, tableFromRows } from "../src/table";

describe("tables", () => {
  it("tableFromRows keeps row order and column names", () => {
    const t = tableFromRows([
      { n: 1, p: 0.5 },
      { n: 2, p: 0.25 },
    ]);
    expect(t.columnNames()).toEqual(["n", "p"]);
    expect(t.objects()).toEqual([
      { n: 1, p: 0.5 },
      { n: 2, p: 0.25 },
    ]);
  });
  it("tableFromColumns builds the same table from columns", () => {
    expect(tableFromColumns({ n: [1, 2], p: [0.5, 0.25] }).objects()).toEqual([
      { n: 1, p: 0.5 },
      { n: 2, p: 0.25 },
    ]);
  });
});
