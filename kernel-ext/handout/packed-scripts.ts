import { gzipSync } from "node:zlib";

/** The type of the script element carrying a handout's scripts, compressed. */
export const PACKED_SCRIPTS_TYPE = "text/x-dslab-scripts";

/**
 * A handout's scripts shipped gzip-compressed and base64-encoded, with the few lines that unpack
 * and run them in order. Plotly and the widget stack are about 2.2 MB as text and 0.9 MB packed:
 * each handout is that much smaller. A browser without DecompressionStream (all current ones have
 * it) shows the text, tables and code, and a note saying why the figures are missing.
 */
export function packedScripts(sources: readonly string[]): string {
  const packed = gzipSync(`${sources.join("\n;\n")}\n//# sourceURL=dslab-handout.js\n`, { level: 9 }).toString("base64");
  return `<script type="${PACKED_SCRIPTS_TYPE}" data-encoding="gzip+base64">${packed}</script>\n<script>${UNPACK_SCRIPT}</script>`;
}

// Plain ES2017, run as the page loads. The sources run by indirect eval: in the global scope, as
// inline scripts would (a blob: URL script is refused by some browsers on file:// pages).
const UNPACK_SCRIPT = `(function () {
  var tag = document.querySelector('script[type="${PACKED_SCRIPTS_TYPE}"]');
  if (!tag) return;
  function fail(reason) {
    var note = document.createElement("p");
    note.className = "dslab-unpack-failed";
    note.setAttribute("role", "alert");
    note.textContent = "This browser could not unpack the handout's figures and widgets (" + reason + "). The text, tables and code are all here; open the file in a current browser to see the figures.";
    document.body.insertBefore(note, document.body.firstChild);
  }
  if (typeof DecompressionStream === "undefined" || typeof Response === "undefined") return fail("it has no DecompressionStream");
  var binary = atob(tag.textContent.trim());
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text().then(function (source) {
    (0, eval)(source);
  }, function (error) {
    fail(String((error && error.message) || error));
  });
})();`;
