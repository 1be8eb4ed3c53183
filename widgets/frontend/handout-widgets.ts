// The browser bundle a handout inlines: renders saved widget state with no kernel and no
// network, using the real @jupyter-widgets HTMLManager (controls, output) plus dslab's views.
import type { HTMLManager } from "@jupyter-widgets/html-manager/lib/htmlmanager";
import { DslabHtmlManager } from "./dslab-html-manager";
import { armLiveHandout } from "./live/live-page";
import { plotly } from "./plotly";

const VIEW_MIME = "application/vnd.jupyter.widget-view+json";
const STATE_MIME = "application/vnd.jupyter.widget-state+json";

const rendered = new WeakMap<Element, Promise<void>>();

/**
 * Renders every saved widget view in the page (or element) the way nbconvert's HTML lays them
 * out: a widget-state script tag plus widget-view script tags. Resolves when all are drawn;
 * calling it again for the same root returns the same promise, so the bundle can render on its
 * own (nbconvert's widget_renderer_url route) and on a handout's request without drawing twice.
 */
export function renderSavedWidgets(root: Document | HTMLElement = document): Promise<void> {
  const element = root instanceof Document ? root.documentElement : root;
  let done = rendered.get(element);
  if (!done) {
    done = renderStateTags(element).then(() => document.body.classList.add("dslab-widgets-rendered"));
    rendered.set(element, done);
  }
  return done;
}

/**
 * Renders the views of the page's saved widget state (the first state tag, as a handout and
 * nbconvert's HTML have one) and, in a live handout, arms the in-page kernel on that manager.
 */
async function renderStateTags(element: Element): Promise<void> {
  const tag = element.querySelector(`script[type="${STATE_MIME}"]`);
  if (!tag) return;
  const manager = new DslabHtmlManager();
  await renderAll({ state: JSON.parse(tag.textContent ?? "{}") as SavedWidgetState, root: element as HTMLElement, manager });
  const live = armLiveHandout(manager, element.ownerDocument ?? document);
  if (live) (globalThis as { dslabLive?: unknown }).dslabLive = live;
}

/** A notebook's saved widget state (metadata.widgets["application/vnd.jupyter.widget-state+json"]). */
export interface SavedWidgetState {
  version_major: number;
  version_minor: number;
  state: Record<string, unknown>;
}

/** Renders, from a saved state object, every widget-view script tag under root in place. */
export async function renderAll({
  state,
  root = document.body,
  manager = new DslabHtmlManager(),
}: {
  state: SavedWidgetState;
  root?: HTMLElement;
  manager?: HTMLManager;
}): Promise<void> {
  const models = await manager.set_state(state as Parameters<HTMLManager["set_state"]>[0]);
  const tags = Array.from(root.querySelectorAll<HTMLScriptElement>(`script[type="${VIEW_MIME}"]`));
  await Promise.all(
    tags.map(async (tag) => {
      const { model_id } = JSON.parse(tag.textContent ?? "{}") as { model_id?: string };
      const model = models.find((m) => m.model_id === model_id);
      if (!model || !tag.parentElement) return;
      // As @jupyter-widgets' embedder does: a static image of the widget before the tag gives way.
      const previous = tag.previousElementSibling;
      if (previous instanceof HTMLImageElement && previous.classList.contains("jupyter-widget")) previous.remove();
      const host = document.createElement("div");
      host.className = "widget-subarea";
      tag.parentElement.insertBefore(host, tag);
      await manager.display_view(await manager.create_view(model), host);
    }),
  );
}

(globalThis as { Plotly?: unknown }).Plotly ??= plotly();
(globalThis as { dslabWidgets?: unknown }).dslabWidgets = { renderSavedWidgets, renderAll, DslabHtmlManager };

// nbconvert's HTML loads the widget renderer as a plain script and expects it to draw the saved
// views on its own once the page is parsed.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void renderSavedWidgets(document));
else setTimeout(() => void renderSavedWidgets(document), 0);
