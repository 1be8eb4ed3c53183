// sanitize-html for handouts, on the browser's own HTML parser: the widget stack sanitizes
// widget descriptions and HTML outputs with an allow-list of tags, attributes and URL schemes.
// The package (with postcss, htmlparser2 and entity tables, ~0.25 MB minified) parses HTML in
// JavaScript because it also runs in Node; a page has a parser. Supported: allowedTags,
// allowedAttributes (with "*" and "prefix-*" patterns), allowedSchemes, allowedSchemesByTag,
// transformTags functions; script, style and textarea content is dropped with the tag.

type Attribs = Record<string, string>;
type Transform = (tagName: string, attribs: Attribs) => { tagName: string; attribs: Attribs };

/** The options honoured (a subset of sanitize-html's). */
export interface SanitizeOptions {
  allowedTags?: string[] | false;
  allowedAttributes?: Record<string, string[]> | false;
  allowedSchemes?: string[];
  allowedSchemesByTag?: Record<string, string[]>;
  allowedSchemesAppliedToAttributes?: string[];
  transformTags?: Record<string, Transform | string>;
}

const DROP_WITH_CONTENT = new Set(["script", "style", "textarea", "noscript", "iframe", "object", "embed"]);

const defaults = {
  allowedTags: [
    "address",
    "article",
    "aside",
    "footer",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "main",
    "nav",
    "section",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "ul",
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "br",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
    "caption",
    "col",
    "colgroup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
  ],
  allowedAttributes: { a: ["href", "name", "target"], img: ["src", "srcset", "alt", "title", "width", "height", "loading"] } as Record<string, string[]>,
  allowedSchemes: ["http", "https", "ftp", "mailto", "tel"],
};

function attributeAllowed(tag: string, name: string, allowed: Record<string, string[]> | false): boolean {
  if (allowed === false) return true;
  const patterns = [...(allowed[tag] ?? []), ...(allowed["*"] ?? [])];
  return patterns.some((p) => (p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : p === name));
}

function schemeAllowed(tag: string, value: string, options: SanitizeOptions): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore control characters in a URL's scheme, so they are dropped before it is read.
  const match = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u001f]/g, ""));
  if (!match) return !/^\s*\/\//.test(value) || (options.allowedSchemes ?? defaults.allowedSchemes).some((s) => s === "http" || s === "https");
  const schemes = options.allowedSchemesByTag?.[tag] ?? options.allowedSchemes ?? defaults.allowedSchemes;
  return schemes.includes(match[1].toLowerCase());
}

function clean(node: Node, options: SanitizeOptions, doc: Document): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 8) {
      child.remove();
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    let tag = el.tagName.toLowerCase();
    let attribs: Attribs = Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value]));
    const transform = options.transformTags?.[tag] ?? options.transformTags?.["*"];
    if (typeof transform === "string") tag = transform;
    else if (typeof transform === "function") ({ tagName: tag, attribs } = transform(tag, attribs));
    const allowedTags = options.allowedTags ?? defaults.allowedTags;
    if (DROP_WITH_CONTENT.has(tag) && (allowedTags === false || !allowedTags.includes(tag))) {
      el.remove();
      continue;
    }
    clean(el, options, doc);
    if (allowedTags !== false && !allowedTags.includes(tag)) {
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    const out = tag === el.tagName.toLowerCase() ? el : doc.createElement(tag);
    if (out !== el) {
      out.append(...Array.from(el.childNodes));
      el.replaceWith(out);
    }
    for (const a of Array.from(out.attributes)) out.removeAttribute(a.name);
    const schemeAttrs = options.allowedSchemesAppliedToAttributes ?? ["href", "src", "cite"];
    for (const [name, value] of Object.entries(attribs)) {
      if (/^on/i.test(name) || !attributeAllowed(tag, name, options.allowedAttributes ?? defaults.allowedAttributes)) continue;
      if (schemeAttrs.includes(name) && !schemeAllowed(tag, value, options)) continue;
      try {
        out.setAttribute(name, value);
      } catch {
        // an attribute name the DOM refuses is dropped
      }
    }
  }
}

/** Sanitizes an HTML fragment with an allow-list. */
function sanitize(dirty: string, options: SanitizeOptions = {}): string {
  const doc = document.implementation.createHTMLDocument("");
  const template = doc.createElement("template");
  template.innerHTML = String(dirty ?? "");
  clean(template.content, options, doc);
  return template.innerHTML;
}
sanitize.defaults = defaults;
/** A transformTags entry that renames a tag and sets attributes (merged with its own by default). */
sanitize.simpleTransform =
  (tagName: string, attribs: Attribs, merge = true): Transform =>
  (_tag, own) => ({ tagName, attribs: merge ? { ...own, ...attribs } : attribs });

export default sanitize;
