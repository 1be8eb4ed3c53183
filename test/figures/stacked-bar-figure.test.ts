import { describe, expect, it } from "vitest";
import { figures, tableFromRows } from "../../src";

describe("stackedBarFigure(table, options)", () => {
  it("stacks one trace per y column over the categories, with tilted category labels", () => {
    const t = tableFromRows([
      { case: "a", right: 0.7, wrong: 0.3 },
      { case: "b", right: 1, wrong: 0 },
    ]);
    const f = figures.stackedBarFigure(t, { x: "case", y: ["right", "wrong"], title: "outcomes", xTitle: "case", yTitle: "fraction" });
    expect(f.layout.barmode).toBe("stack");
    expect(f.data.map((d) => [d.name, d.y])).toEqual([
      ["right", [0.7, 1]],
      ["wrong", [0.3, 0]],
    ]);
    expect((f.layout.xaxis as { tickangle: number }).tickangle).toBe(-35);
  });
});
