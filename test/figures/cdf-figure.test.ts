import { describe, expect, it } from "vitest";
import { cdfFigure } from "../../src/figures";
import { tableFromRows } from "../../src/table";

describe("cdfFigure(table, options)", () => {
  it("draws one step curve per series with y = rank / count", () => {
    const table = tableFromRows([
      { g: "a", v: 3 },
      { g: "a", v: 1 },
      { g: "b", v: 2 },
    ]);
    const fig = cdfFigure(table, { value: "v", series: "g", title: "t", xTitle: "x" });
    expect(fig.data.map((d) => [d.name, d.x, d.y])).toEqual([
      ["a", [1, 3], [0.5, 1]],
      ["b", [2], [1]],
    ]);
    expect((fig.data[0].line as { shape: string }).shape).toBe("hv");
  });

  it("rejects a missing column, naming it", () => {
    expect(() => cdfFigure(tableFromRows([{ v: 1 }]), { value: "w", title: "t", xTitle: "x" })).toThrow(/invalid column: "w"/);
  });
});
