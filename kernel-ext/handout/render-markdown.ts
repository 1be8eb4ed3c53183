import { Marked, type Tokens } from "marked";

/** A heading found in the notebook's markdown, for the table of contents. */
export interface Heading {
  level: number;
  /** The heading as HTML-safe text (tags removed, entities kept). */
  text: string;
  id: string;
}

/** Renders markdown cells to HTML, giving each heading a unique id and collecting it. */
export function createMarkdownRenderer(): { render(markdown: string): string; headings: Heading[] } {
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Heading["tokens"]): string } }, token: Tokens.Heading) {
        const html = this.parser.parseInline(token.tokens);
        const text = html.replace(/<[^>]+>/g, "").trim();
        const base = slug(text) || "section";
        const count = used.get(base) ?? 0;
        used.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        headings.push({ level: token.depth, text, id });
        return `<h${token.depth} id="${id}">${html}</h${token.depth}>\n`;
      },
    },
  });
  return {
    headings,
    render: (markdown) => marked.parse(markdown, { async: false }) as string,
  };
}

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&[a-z]+;/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
