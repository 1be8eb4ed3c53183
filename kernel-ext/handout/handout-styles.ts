/**
 * The handout's stylesheet: readable on screen, and printable on A4 without splitting figures,
 * cutting controls or leaving pages blank. Code is folded (details.source) so prose leads;
 * worked answers (details in the prose) stay folded until the reader opens them.
 */
export const HANDOUT_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --code-bg: #f6f8fa; --accent: #0072b2; --jp-widgets-inline-label-width: 7.5em; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
header.handout-header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; }
header.handout-header p { color: var(--muted); margin: 0.25rem 0 1rem; font-size: 0.9rem; }
nav.toc { background: var(--code-bg); border: 1px solid var(--rule); border-radius: 6px; padding: 0.75rem 1.25rem; margin: 1rem 0 2rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 0.5rem; }
nav.toc ol { margin: 0; padding-left: 0; list-style: none; }
nav.toc ol ol { padding-left: 1.75rem; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.section-number { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.35em; }
a { color: var(--accent); }
h1, h2, h3 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; max-width: 100%; }
th, td { border: 1px solid var(--rule); padding: 0.2rem 0.5rem; text-align: right; vertical-align: top; }
th { background: var(--code-bg); white-space: normal; }
td { overflow-wrap: break-word; }
tr { break-inside: avoid; page-break-inside: avoid; }
.cell-markdown table th, .cell-markdown table td { text-align: left; }
pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
details.source { margin: 0.25rem 0; }
details.source > summary { color: var(--muted); font-size: 0.8rem; cursor: pointer; user-select: none; }
.cell-markdown details { border-left: 3px solid var(--accent); padding: 0.1rem 0 0.1rem 0.8rem; margin: 0.75rem 0; }
.cell-markdown details > summary { color: var(--accent); cursor: pointer; font-weight: 600; }
.cell-code pre.source { background: var(--code-bg); border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; white-space: pre-wrap; }
.cell-code .prompt { color: var(--muted); font-size: 0.75rem; }
.outputs > * { margin: 0.5rem 0; }
pre.output-stream, pre.output-text { white-space: pre-wrap; margin: 0.25rem 0; }
pre.stderr { background: #fff8e6; }
pre.output-error { background: #ffebe9; border-left: 3px solid #cf222e; padding: 0.5rem; white-space: pre-wrap; }
.output-html { overflow-x: auto; }
.output-figure, .output-widget, .output-image { break-inside: avoid; page-break-inside: avoid; }
.plotly-figure { width: 100%; min-height: 360px; }
.output-widget { max-width: 100%; overflow: visible; }
.output-widget .widget-box, .output-widget .jupyter-widgets { max-width: 100%; }
.output-widget .widget-label { overflow: visible; }
img { max-width: 100%; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { font-size: 10.5pt; line-height: 1.45; }
  main { max-width: none; padding: 0; }
  nav.toc { margin: 0.5rem 0 1rem; }
  h2 { break-before: auto; margin-top: 1.2rem; }
  /* Figures are drawn at the screen's column width (about 900 px); A4's is about 690 px. */
  .output-figure, .output-widget { zoom: 0.74; }
  .cell-code pre.source { white-space: pre-wrap; word-break: break-word; }
  .output-widget, .output-widget * { overflow: visible !important; }
  /* A list that scrolls on screen (the cluster explorer's events) prints whole, not over the text below it. */
  .output-widget * { max-height: none !important; }
  /* The explorer's buttons do nothing on paper; its state, servers and events are what print. */
  .dslab-raft-controls { display: none !important; }
  a { color: inherit; text-decoration: none; }
}
`;
