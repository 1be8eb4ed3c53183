import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/** A heading found in the notebook's markdown, for the table of contents. */
export interface Heading {
  level: number;
  /** The heading as HTML-safe text (tags removed, entities kept). */
  text: string;
  id: string;
}

const MATHML = [
  "math",
  "semantics",
  "annotation",
  "mrow",
  "mi",
  "mn",
  "mo",
  "ms",
  "mtext",
  "mspace",
  "msub",
  "msup",
  "msubsup",
  "mfrac",
  "msqrt",
  "mroot",
  "mover",
  "munder",
  "munderover",
  "mtable",
  "mtr",
  "mtd",
  "mstyle",
  "mpadded",
  "mphantom",
  "menclose",
];

/**
 * What markdown cells may keep, as JupyterLab's sanitizer (also sanitize-html) allows: text
 * structure, tables, images, links, code, details, MathML; no script, no event handler, no
 * style, no javascript: URL, no iframe, object, embed or form.
 */
const MARKDOWN_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "kbd",
    "samp",
    "var",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "q",
    "dfn",
    "span",
    "div",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "figure",
    "figcaption",
    "details",
    "summary",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "input",
    ...MATHML,
  ],
  allowedAttributes: {
    "*": ["class", "title", "lang", "dir"],
    h1: ["id"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    h5: ["id"],
    h6: ["id"],
    a: ["href", "name", "rel", "target"],
    img: ["src", "alt", "width", "height", "loading"],
    ol: ["start", "type"],
    th: ["align", "colspan", "rowspan", "scope"],
    td: ["align", "colspan", "rowspan"],
    col: ["span"],
    colgroup: ["span"],
    details: ["open"],
    // GFM task lists: marked writes <input type="checkbox" disabled>.
    input: ["type", "checked", "disabled"],
    math: ["display", "xmlns"],
    annotation: ["encoding"],
    mo: ["stretchy", "fence", "separator", "lspace", "rspace"],
    mfrac: ["linethickness"],
    mtd: ["columnspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  // A removed <script> or <style> takes its text with it; other removed tags keep their text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "iframe", "object", "embed", "template"],
  transformTags: {
    // Links leave the handout in a new tab without handing it a window.opener.
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href && !attribs.href.startsWith("#") ? { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" } : attribs,
    }),
    input: (tagName, attribs) => ({ tagName, attribs: attribs.type === "checkbox" ? { ...attribs, disabled: "" } : {} }),
  },
  exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
};

/** Sanitizes HTML written in (or rendered from) a markdown cell; see MARKDOWN_POLICY. */
export function sanitizeMarkdownHtml(html: string): string {
  return sanitizeHtml(html, MARKDOWN_POLICY);
}

/**
 * Renders markdown cells to sanitized HTML (as JupyterLab sanitizes markdown: a notebook's prose
 * may come from anyone, and runs no script in a handout), giving each heading a unique id and
 * collecting it.
 */
export function createMarkdownRenderer(): { render(markdown: string): string; headings: Heading[] } {
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Heading["tokens"]): string } }, token: Tokens.Heading) {
        const html = sanitizeMarkdownHtml(this.parser.parseInline(token.tokens));
        // Sanitized HTML escapes "<" and ">" in text and attribute values, so removing tags leaves safe text.
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
    render: (markdown) => sanitizeMarkdownHtml(marked.parse(markdown, { async: false }) as string),
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
