import type { Page } from "playwright-core";

/** What is wrong with one drawn figure or page element, as a reader would say it. */
export interface LayoutProblem {
  where: string;
  problem: string;
}

/**
 * Runs in the page (pass it to page.evaluate): for every drawn plotly figure, the title and both
 * axis titles are present (an axis that is hidden, as on the Chord ring, needs none), and the
 * legend overlaps neither an axis title nor the figure title; for every element in `main`,
 * nothing is wider than its column. Self-contained: playwright serialises it into the page.
 */
export function findLayoutProblems(): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const overlap = (a: DOMRect, b: DOMRect) =>
    a.width > 0 && b.width > 0 && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const text = (root: Element, selector: string) =>
    [...root.querySelectorAll(selector)]
      .map((e) => e.textContent ?? "")
      .join("")
      .trim();
  const plots = [...document.querySelectorAll(".js-plotly-plot")] as (HTMLElement & { _fullLayout?: Record<string, { visible?: boolean }> })[];
  plots.forEach((plot, i) => {
    const title = text(plot, ".gtitle");
    const where = `figure ${i + 1} "${title.slice(0, 60)}"`;
    if (title === "") problems.push({ where, problem: "has no title" });
    for (const axis of ["x", "y"]) {
      const visible = plot._fullLayout?.[`${axis}axis`]?.visible !== false;
      const axisTitle = text(plot, `.${axis}title`);
      if (visible && axisTitle === "") problems.push({ where, problem: `has no ${axis}-axis title` });
    }
    const legend = plot.querySelector("g.legend");
    if (legend) {
      const box = legend.getBoundingClientRect();
      for (const selector of [".xtitle", ".ytitle", ".gtitle"]) {
        for (const el of plot.querySelectorAll(selector))
          if (overlap(box, el.getBoundingClientRect())) problems.push({ where, problem: `legend overlaps ${selector.slice(1)}` });
      }
      const svg = plot.querySelector("svg.main-svg")!.getBoundingClientRect();
      if (box.bottom > svg.bottom + 1 || box.top < svg.top - 1) problems.push({ where, problem: "legend cut off by the figure's edge" });
    }
  });
  const main = document.querySelector("main");
  if (main) {
    const column = main.getBoundingClientRect();
    const style = getComputedStyle(main);
    const left = column.left + parseFloat(style.paddingLeft);
    const right = column.right - parseFloat(style.paddingRight);
    for (const el of main.querySelectorAll(
      "table, pre, .output-figure, .output-widget, .js-plotly-plot, svg.main-svg, img, .widget-box, .widget-hbox, .widget-vbox",
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > right + 2 || box.left < left - 2)
        problems.push({
          where: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`,
          problem: `is ${Math.round(box.width)} px wide in a ${Math.round(right - left)} px column`,
        });
    }
    for (const label of main.querySelectorAll(".widget-label")) {
      const el = label as HTMLElement;
      if (el.scrollWidth > el.clientWidth + 1) problems.push({ where: `widget label "${el.textContent}"`, problem: "is truncated" });
    }
  }
  return problems;
}

/** findLayoutProblems run in a page, once every figure has drawn its title (or 10 s have passed); esbuild's keepNames wraps functions in __name, which the page lacks. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  await page.evaluate("globalThis.__name ??= (f) => f");
  await page
    .waitForFunction(() => [...document.querySelectorAll(".js-plotly-plot")].every((p) => (p.querySelector(".gtitle")?.textContent ?? "") !== ""), undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  return page.evaluate(findLayoutProblems);
}
