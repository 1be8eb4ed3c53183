import { describe, expect, it } from "vitest";
import { renderHandout, type HandoutNotebook } from "../../kernel-ext/handout";

const plotly = { data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: { title: { text: "</script><b>x</b>" } } };

function notebook(overrides: Partial<HandoutNotebook> = {}): HandoutNotebook {
  return {
    metadata: {},
    cells: [
      { cell_type: "markdown", source: ["# Chapter one\n", "\n", "Intro."] },
      { cell_type: "markdown", source: "## Failure & scale\n\n### Closed form" },
      { cell_type: "markdown", source: "## Failure & scale" },
      {
        cell_type: "code",
        source: "console.log(1 < 2)",
        execution_count: 1,
        outputs: [
          { output_type: "stream", name: "stdout", text: ["a < b\n"] },
          { output_type: "display_data", data: { "application/vnd.plotly.v1+json": plotly, "text/html": "<div>fallback</div>", "text/plain": "Figure" } },
          { output_type: "execute_result", execution_count: 1, data: { "text/plain": "42" } },
          { output_type: "error", ename: "RangeError", evalue: "bad", traceback: ["\u001b[31mRangeError\u001b[0m: bad"] },
        ],
      },
    ],
    ...overrides,
  };
}

describe("renderHandout(notebook)", () => {
  it("builds a table of contents from level 2 and 3 headings with unique ids", () => {
    const html = renderHandout(notebook());
    expect(html).toContain('<h2 id="failure-scale">');
    expect(html).toContain('<h2 id="failure-scale-1">');
    expect(html).toContain('<a href="#closed-form"><span class="section-number">1.1</span> Closed form</a>');
    expect(html).toContain('<nav class="toc"');
    expect(html).toContain("<title>Chapter one</title>");
  });

  it("keeps plotly figures as JSON for the page script, escaped so they cannot end the script element", () => {
    const html = renderHandout(notebook());
    expect(html).toContain('<script type="application/vnd.plotly.v1+json">');
    expect(html).not.toContain("fallback");
    expect(html).not.toContain("</script><b>");
    const json = html.split('<script type="application/vnd.plotly.v1+json">')[1].split("</script>")[0];
    expect(JSON.parse(json)).toEqual(plotly);
  });

  it("renders streams, text results and tracebacks as escaped text without ANSI codes", () => {
    const html = renderHandout(notebook());
    expect(html).toContain('<pre class="output-stream stdout">a &lt; b\n</pre>');
    expect(html).toContain('<pre class="output-text">42</pre>');
    expect(html).toContain('<pre class="output-error">RangeError: bad</pre>');
    expect(html).toContain("console.log(1 &lt; 2)");
  });

  it("renders a widget view only when its model's state was saved, else its text fallback", () => {
    const view = { "application/vnd.jupyter.widget-view+json": { version_major: 2, version_minor: 0, model_id: "m1" }, "text/plain": "IntSlider(value=3)" };
    const cells = [{ cell_type: "code", source: "s", outputs: [{ output_type: "display_data", data: view }] }];
    const without = renderHandout({ metadata: {}, cells });
    expect(without).toContain("IntSlider(value=3)");
    expect(without).not.toContain("application/vnd.jupyter.widget-state+json");
    const state = {
      version_major: 2,
      version_minor: 0,
      state: { m1: { model_name: "IntSliderModel", model_module: "@jupyter-widgets/controls", model_module_version: "2.0.0", state: { value: 3 } } },
    };
    const withState = renderHandout({ metadata: { widgets: { "application/vnd.jupyter.widget-state+json": state } }, cells });
    expect(withState).toContain('<script type="application/vnd.jupyter.widget-state+json">');
    expect(withState).toContain('<script type="application/vnd.jupyter.widget-view+json">{"version_major":2,"version_minor":0,"model_id":"m1"}</script>');
  });

  it("inlines each given script once, escaping a closing script tag inside it", () => {
    const html = renderHandout(notebook(), { scripts: ['window.x = "</script>";'] });
    expect(html.match(/window\.x/g)).toHaveLength(1);
    expect(html).toContain('window.x = "<\\/script>";');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
  });

  it("numbers the sections 1, 1.1, 2 in the headings and in the contents alike, nesting subsections", () => {
    const html = renderHandout(notebook());
    expect(html).toContain('<h2 id="failure-scale"><span class="section-number">1</span> Failure');
    expect(html).toContain('<h3 id="closed-form"><span class="section-number">1.1</span> Closed form');
    expect(html).toContain('<h2 id="failure-scale-1"><span class="section-number">2</span> Failure');
    const toc = html.split('<nav class="toc"')[1].split("</nav>")[0];
    expect(
      toc
        .replace(/<[^>]+>/g, "|")
        .split("|")
        .filter((t) => /^\d/.test(t)),
    ).toEqual(["1", "1.1", "2"]);
    expect(toc).toMatch(/<li class="level-2"><a href="#failure-scale">.*<ol><li class="level-3">/);
    // Title first, then the contents, then the prose.
    expect(html.indexOf("</h1>")).toBeLessThan(html.indexOf('<nav class="toc"'));
    expect(html.indexOf('<nav class="toc"')).toBeLessThan(html.indexOf("Intro."));
  });

  it("folds each code cell under a summary by default, so the prose leads, and unfolds it on request", () => {
    const folded = renderHandout(notebook());
    expect(folded).toContain('<details class="source"><summary>Code (1 line)</summary><pre class="source">');
    const open = renderHandout(notebook(), { foldCode: false });
    expect(open).not.toContain('<details class="source">');
    expect(open).toContain('<pre class="source">');
  });
});
