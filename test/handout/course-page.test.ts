import { describe, expect, it } from "vitest";
import { renderCoursePage } from "../../kernel-ext/handout/course-page";

describe("renderCoursePage", () => {
  it("links every chapter by its title and each of its sections by its heading and shows the build date, escaping text", () => {
    const html = renderCoursePage(
      [
        {
          file: "01-why distribute.html",
          title: "01 · Why <distribute>?",
          sections: [
            { title: "Scale up & out", id: "scale-up-out" },
            { title: "k-of-n", id: "k-of-n" },
          ],
        },
        { file: "02-latency.html", title: "02 · Latency", sections: [] },
      ],
      { built: "2026-12-03" },
    );
    expect(html).toContain(
      `<a href="01-why%20distribute.html">01 · Why &lt;distribute&gt;?</a><ul><li><a href="01-why%20distribute.html#scale-up-out">Scale up &amp; out</a></li><li><a href="01-why%20distribute.html#k-of-n">k-of-n</a></li></ul>`,
    );
    expect(html).toContain(`<a href="02-latency.html">02 · Latency</a>`);
    expect(html).toContain("built 2026-12-03");
    expect(html.indexOf("01-why")).toBeLessThan(html.indexOf("02-latency"));
  });
});
