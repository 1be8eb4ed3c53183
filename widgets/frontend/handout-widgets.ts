// The browser bundle a handout inlines: renders saved widget state with no kernel and no
// network, using the real @jupyter-widgets HTMLManager (controls, output) plus dslab's views.
import { HTMLManager } from "@jupyter-widgets/html-manager";
import { renderWidgets } from "@jupyter-widgets/html-manager/lib/libembed";
import { DslabHtmlManager } from "./dslab-html-manager";
import { plotly } from "./plotly";

const VIEW_MIME = "application/vnd.jupyter.widget-view+json";

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
    done = renderWidgets(() => new DslabHtmlManager(), element).then(() => document.body.classList.add("dslab-widgets-rendered"));
    rendered.set(element, done);
  }
  return done;
}

/** A notebook's saved widget state (metadata.widgets["application/vnd.jupyter.widget-state+json"]). */
export interface SavedWidgetState {
  version_major: number;
  version_minor: number;
  state: Record<string, unknown>;
}

/** Renders, from a saved state object, every widget-view script tag under root in place. */
export async function renderAll({ state, root = document.body }: { state: SavedWidgetState; root?: HTMLElement }): Promise<void> {
  const manager = new DslabHtmlManager();
  const models = await manager.set_state(state as Parameters<HTMLManager["set_state"]>[0]);
  const tags = Array.from(root.querySelectorAll<HTMLScriptElement>(`script[type="${VIEW_MIME}"]`));
  await Promise.all(
    tags.map(async (tag) => {
      const { model_id } = JSON.parse(tag.textContent ?? "{}") as { model_id?: string };
      const model = models.find((m) => m.model_id === model_id);
      if (!model || !tag.parentElement) return;
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
