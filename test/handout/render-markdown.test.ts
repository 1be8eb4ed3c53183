import { describe, expect, it } from "vitest";
import { createMarkdownRenderer } from "../../kernel-ext/handout/render-markdown";

const render = (markdown: string) => createMarkdownRenderer().render(markdown);

describe("markdown cells render sanitized, as JupyterLab renders them", () => {
  it("drop scripts, event handlers, svg handlers, iframes, styles, forms and javascript: URLs", () => {
    const html = render(
      [
        '<script>alert("script")</script>',
        '<img src="x" onerror="alert(\'img\')">',
        "<svg onload=alert(1)><circle r=1></svg>",
        '<a href="JaVaScRiPt:alert(2)">link</a> <iframe src="https://example.org"></iframe>',
        "<style>body { display: none }</style><form action=x><input name=q></form>",
        "",
        "[text link](javascript:alert(3)) ![image](javascript:alert(4))",
      ].join("\n"),
    );
    for (const banned of ["<script", "onerror", "onload", "<svg", "javascript:", "JaVaScRiPt", "<iframe", "<style", "<form", 'name="q"', 'alert("script")'])
      expect(html, banned).not.toContain(banned);
    expect(html).toContain("link</a>");
  });

  it("keep what the notes need: tables, images (also data: URLs), links, sub/sup, code, details, task lists and MathML", () => {
    const html = render(
      [
        "| n | p<sub>fail</sub> |",
        "|--:|:--|",
        "| 10<sup>3</sup> | `0.63` |",
        "",
        "![ring](data:image/png;base64,AAAA) ![plot](https://example.org/p.png) [paper](https://example.org/chord.pdf) [up](#top)",
        "",
        "<details><summary>Proof</summary>1 - (1 - p)<sup>n</sup></details>",
        "",
        "- [x] done",
        "",
        "<math><mi>x</mi><mo>=</mo><mn>2</mn></math> and $e^{i\\pi} + 1 = 0$",
      ].join("\n"),
    );
    expect(html).toContain('<th align="right">n</th>');
    expect(html).toContain("p<sub>fail</sub>");
    expect(html).toContain('<td align="right">10<sup>3</sup></td>');
    expect(html).toContain("<code>0.63</code>");
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="ring" />');
    expect(html).toContain('<img src="https://example.org/p.png" alt="plot" />');
    expect(html).toContain('<a href="https://example.org/chord.pdf" rel="noopener noreferrer nofollow" target="_blank">paper</a>');
    expect(html).toContain('<a href="#top">up</a>');
    expect(html).toContain("<details><summary>Proof</summary>");
    expect(html).toContain('<input checked disabled type="checkbox" />');
    expect(html).toContain("<math><mi>x</mi><mo>=</mo><mn>2</mn></math>");
    expect(html).toContain("$e^{i\\pi} + 1 = 0$");
  });

  it("give headings ids and table-of-contents text from their sanitized HTML", () => {
    const renderer = createMarkdownRenderer();
    const html = renderer.render('## Fan-out <img src=x onerror="alert(1)" alt="a>b"> & tails');
    expect(html).toContain('<h2 id="fan-out-tails">Fan-out <img src="x" alt="a&gt;b" /> &amp; tails</h2>');
    expect(renderer.headings).toEqual([{ level: 2, text: "Fan-out  &amp; tails", id: "fan-out-tails" }]);
  });
});
