/**
 * Jupyter's cursor positions count Unicode code points (protocol 5.2+); JavaScript strings and
 * TypeScript count UTF-16 code units, and a character outside the BMP (an emoji) is two of them.
 */

/** The UTF-16 offset of code point `position` in `text`, clamped to the text (a bad or out-of-range position becomes 0 or its end). */
export function utf16Offset(text: string, position: unknown): number {
  const wanted =
    typeof position === "number" && Number.isFinite(position) ? Math.max(0, Math.floor(position)) : text.length === 0 ? 0 : Number.MAX_SAFE_INTEGER;
  let points = 0;
  let offset = 0;
  while (offset < text.length && points < wanted) {
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
    points++;
  }
  return offset;
}

/** The code point position of UTF-16 offset `offset` in `text`. */
export function codePointPosition(text: string, offset: number): number {
  return [...text.slice(0, Math.max(0, Math.min(offset, text.length)))].length;
}
