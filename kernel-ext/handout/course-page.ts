import { escapeHtml } from "./escape-html";

/** One chapter as the course page lists it. */
export interface CourseChapter {
  /** The handout's file name, relative to the course page. */
  file: string;
  title: string;
  /** Its sections, each with the id of its heading in the handout (linked as file#id). */
  sections: readonly { title: string; id: string }[];
}

/** Options for renderCoursePage. */
export interface CoursePageOptions {
  /** The page's title. Defaults to "dslab: distributed systems, one notebook per chapter". */
  title?: string;
  /** The build date shown. Defaults to today (UTC), as YYYY-MM-DD. */
  built?: string;
}

/**
 * The course page (handouts/index.html): every chapter's handout linked by its title, with its
 * sections, and the build date; relative links only, so the folder publishes as it is.
 */
export function renderCoursePage(chapters: readonly CourseChapter[], options: CoursePageOptions = {}): string {
  const title = options.title ?? "dslab: distributed systems, one notebook per chapter";
  const built = options.built ?? new Date().toISOString().slice(0, 10);
  const items = chapters
    .map((c) => {
      const sections =
        c.sections.length > 0
          ? `<ul>${c.sections.map((s) => `<li><a href="${escapeHtml(encodeURI(c.file))}#${escapeHtml(encodeURIComponent(s.id))}">${escapeHtml(s.title)}</a></li>`).join("")}</ul>`
          : "";
      return `<li><a href="${escapeHtml(encodeURI(c.file))}">${escapeHtml(c.title)}</a>${sections}</li>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dslab">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 0; color: #1f2328; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
header p { color: #59636e; font-size: 0.9rem; }
ol.chapters > li { margin: 1rem 0; font-size: 1.1rem; }
ol.chapters ul { font-size: 0.9rem; color: #59636e; margin: 0.25rem 0; }
a { color: #0072b2; }
</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(title)}</h1><p>Handouts built ${escapeHtml(built)}. Each chapter is one HTML file that opens offline; its widgets recompute in the page.</p></header>
<ol class="chapters">
${items}
</ol>
</main>
</body>
</html>
`;
}
