import { describe, expect, it } from "vitest";
import { compactFigure } from "../../kernel-ext/handout/compact-figure";

describe("compactFigure", () => {
  it("cuts the traces' fractional numbers to six significant digits and leaves integers, strings and the layout alone", () => {
    const figure = {
      data: [{ type: "scatter", x: [302.48372645381, 1, 0.000123456789], y: [[1 / 3, 2]], name: "150-155 ms", line: { width: 1.25 } }],
      layout: { title: { text: "t" }, xaxis: { range: [0.123456789, 2] } },
    };
    expect(compactFigure(figure)).toEqual({
      data: [{ type: "scatter", x: [302.484, 1, 0.000123457], y: [[0.333333, 2]], name: "150-155 ms", line: { width: 1.25 } }],
      layout: { title: { text: "t" }, xaxis: { range: [0.123456789, 2] } },
    });
    // The notebook's figure is not changed.
    expect(figure.data[0].x[0]).toBe(302.48372645381);
  });

  it("shrinks a simulated CDF's JSON by about half", () => {
    const x = Array.from({ length: 1000 }, (_, i) => 150 + Math.sqrt(i) * 7.123456789);
    const figure = { data: [{ x, y: x.map((_, i) => (i + 1) / 1000) }] };
    expect(JSON.stringify(compactFigure(figure)).length).toBeLessThan(0.6 * JSON.stringify(figure).length);
  });

  it("passes through what is not a figure, and names a bad digits", () => {
    expect(compactFigure("text")).toBe("text");
    expect(() => compactFigure({ data: [] }, 0)).toThrow(/digits/);
  });
});
