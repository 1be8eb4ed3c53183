import { describe, expect, it } from "vitest";
import { toMimeBundle } from "../../kernel-ext/kernel/display-bundle";
import { tableFromRows } from "../../src";

const bundle = (value: unknown) => toMimeBundle(value, { plotlyHtml: () => "<div></div>" });

describe("toMimeBundle shows untrusted strings as text", () => {
  it("escapes an arquero table's column names as well as its values", () => {
    const html = bundle(tableFromRows([{ '<img src=x onerror="alert(1)">': "<script>alert(2)</script>", "a & b": 1, "&lt;": 2 }]))["text/html"] as string;
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain(">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</th>");
    expect(html).toContain(">a &amp; b</th>");
    expect(html).toContain(">&amp;lt;</th>");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;</td>");
  });

  it("keeps a table whose names need no escaping as arquero writes it", () => {
    const table = tableFromRows([{ n: 1, p: 0.5 }]);
    expect(bundle(table)["text/html"]).toBe(table.toHTML({ limit: 100 }));
  });
});
