import { gunzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { PACKED_SCRIPTS_TYPE, packedScripts } from "../../kernel-ext/handout/packed-scripts";
import { renderHandout } from "../../kernel-ext/handout/render-handout";

function unpack(html: string): string {
  const packed = html.split(`<script type="${PACKED_SCRIPTS_TYPE}" data-encoding="gzip+base64">`)[1].split("</script>")[0];
  return gunzipSync(Buffer.from(packed, "base64")).toString("utf8");
}

describe("packedScripts", () => {
  it("carries the scripts gzip-compressed in order, runnable as one script, in a fraction of their size", () => {
    const big = `var log = []; ${Array.from({ length: 2000 }, (_, i) => `log.push("line ${i % 10}");`).join("\n")}`;
    const html = packedScripts([big, 'log.push("</script> second");', "// a last line comment", "log.push('third');"]);
    expect(html).not.toContain("second");
    expect(html.length).toBeLessThan(big.length / 5);
    const context: { log?: string[] } = {};
    runInNewContext(unpack(html), context);
    expect(context.log?.slice(-2)).toEqual(["</script> second", "third"]);
  });

  it("is what renderHandout ships when asked, the page script last; by default the scripts stay inline", () => {
    const notebook = { metadata: {}, cells: [{ cell_type: "markdown" as const, source: "# T" }] };
    const packed = renderHandout(notebook, { scripts: ["window.runtime = 1;"], packScripts: true });
    expect(packed).not.toContain("window.runtime");
    const source = unpack(packed);
    expect(source.indexOf("window.runtime = 1;")).toBe(0);
    expect(source).toContain("application/vnd.plotly.v1+json");
    expect(renderHandout(notebook, { scripts: ["window.runtime = 1;"] })).toContain("<script>window.runtime = 1;</script>");
  });
});
