import type { FloatEncoding } from "../transparency/bit-fields";
import { baseLayout, type PlotlyFigure } from "./line-figure";
import { colour } from "./palette";

/** The bits of several encodings of one number, one row each, coloured by field (sign, exponent, fraction). */
export function bitFieldsFigure(encodings: readonly FloatEncoding[], title: string): PlotlyFigure {
  const fieldColour: Record<string, string> = { sign: colour(3), exponent: colour(1), fraction: colour(0) };
  const data = ["sign", "exponent", "fraction"].map((field) => {
    const x: number[] = [];
    const y: string[] = [];
    const text: string[] = [];
    encodings.forEach((e) => {
      let at = 0;
      for (const f of e.fields) {
        if (f.name === field) {
          for (const [i, bit] of [...f.bits].entries()) {
            x.push(at + i);
            y.push(`${e.format} ${e.hex}`);
            text.push(bit);
          }
        }
        at += f.bits.length;
      }
    });
    return {
      type: "scatter",
      mode: "markers+text",
      name: field,
      x,
      y,
      text,
      textfont: { color: "white", size: 11 },
      marker: { symbol: "square", size: 20, color: fieldColour[field] },
      hovertemplate: `${field} bit %{x}: %{text}<extra></extra>`,
    };
  });
  const layout = baseLayout(title, "bit (0 = most significant)", "format and word (hex)", {});
  return {
    data,
    layout: {
      ...layout,
      height: 120 + 70 * encodings.length,
      yaxis: { ...(layout.yaxis as object), type: "category" },
      xaxis: { ...(layout.xaxis as object), range: [-1, 32], dtick: 4 },
    },
  };
}
