import { invalidRange } from "../src/validate";
import { CONTROLS } from "./version";
import { Widget } from "./widget";

/** One end of a link: a widget and one of its attributes. */
export type LinkEnd = readonly [Widget, string];

function checkEnd(name: string, end: LinkEnd): LinkEnd {
  if (!Array.isArray(end) || end.length !== 2 || !(end[0] instanceof Widget) || typeof end[1] !== "string")
    throw invalidRange(name, end, "a [widget, attribute] pair");
  if (!(end[1] in (end[0] as unknown as Record<string, unknown>)) && end[0].get(end[1]) === undefined)
    throw invalidRange(name, end[1], `an attribute of ${end[0].spec.model.name}`);
  return end;
}

/** A link kept in the browser (LinkModel): both attributes stay equal with no kernel, so it survives HTML export. */
export class Link extends Widget {
  constructor(source: LinkEnd, target: LinkEnd, directional = false) {
    super(
      { model: { ...CONTROLS, name: directional ? "DirectionalLinkModel" : "LinkModel" }, view: null },
      { source: [...checkEnd("source", source)], target: [...checkEnd("target", target)] },
    );
  }
}

/** Links two widget attributes both ways, in the front end. */
export function jslink(source: LinkEnd, target: LinkEnd): Link {
  return new Link(source, target);
}

/** Links source → target one way, in the front end. */
export function jsdlink(source: LinkEnd, target: LinkEnd): Link {
  return new Link(source, target, true);
}
