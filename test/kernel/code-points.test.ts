import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointPosition, utf16Offset } from "../../kernel-ext/kernel/code-points";

describe("utf16Offset and codePointPosition", () => {
  it("count an emoji as one code point and two UTF-16 units", () => {
    const code = "const s = '😀😀'; Math.ma";
    expect(code.length).toBe(25);
    expect([...code].length).toBe(23);
    expect(utf16Offset(code, 23)).toBe(25);
    expect(codePointPosition(code, 25)).toBe(23);
    expect(utf16Offset(code, 12)).toBe(13);
  });

  it("clamp a cursor out of range, or not a number, to the code", () => {
    expect(utf16Offset("abc", 99)).toBe(3);
    expect(utf16Offset("abc", -4)).toBe(0);
    expect(utf16Offset("abc", undefined)).toBe(3);
    expect(utf16Offset("abc", "2")).toBe(3);
    expect(utf16Offset("", 5)).toBe(0);
  });

  it("are inverse on every code point boundary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.nat(), (text, at) => {
        const points = [...text].length;
        const p = at % (points + 1);
        expect(codePointPosition(text, utf16Offset(text, p))).toBe(p);
      }),
    );
  });
});
