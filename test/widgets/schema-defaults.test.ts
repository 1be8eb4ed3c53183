import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as widgets from "../../widgets";
import { installFakeKernel } from "./fake-kernel";

// The model spec that @jupyter-widgets/schema ships (ipywidgets 8): every model's attributes and defaults.
const spec = createRequire(__filename)("@jupyter-widgets/schema/jupyterwidgetmodels.latest.json") as {
  model: { name: string; module: string; version: string };
  view: { name: string; module: string; version: string } | null;
  attributes: { name: string; default: unknown; type: string }[];
}[];

let kernel: ReturnType<typeof installFakeKernel>;
beforeEach(() => {
  kernel = installFakeKernel();
});
afterEach(() => kernel.uninstall());

const makers: Record<string, () => widgets.Widget> = {
  IntSliderModel: () => new widgets.IntSlider(),
  FloatSliderModel: () => new widgets.FloatSlider(),
  FloatLogSliderModel: () => new widgets.FloatLogSlider(),
  IntRangeSliderModel: () => new widgets.IntRangeSlider({ value: [0, 1] }),
  FloatRangeSliderModel: () => new widgets.FloatRangeSlider({ value: [0, 1] }),
  // A selection slider needs at least one option for its default index 0.
  SelectionSliderModel: () => new widgets.SelectionSlider({ options: ["a"] }),
  DropdownModel: () => new widgets.Dropdown({ options: [] }),
  RadioButtonsModel: () => new widgets.RadioButtons({ options: [] }),
  ToggleButtonsModel: () => new widgets.ToggleButtons({ options: [] }),
  SelectModel: () => new widgets.Select({ options: [] }),
  CheckboxModel: () => new widgets.Checkbox(),
  ToggleButtonModel: () => new widgets.ToggleButton(),
  TextModel: () => new widgets.Text(),
  TextareaModel: () => new widgets.Textarea(),
  IntTextModel: () => new widgets.IntText(),
  FloatTextModel: () => new widgets.FloatText(),
  BoundedIntTextModel: () => new widgets.BoundedIntText(),
  BoundedFloatTextModel: () => new widgets.BoundedFloatText(),
  ButtonModel: () => new widgets.Button(),
  LabelModel: () => new widgets.Label(),
  HTMLModel: () => new widgets.HTML(),
  HTMLMathModel: () => new widgets.HTMLMath(),
  IntProgressModel: () => new widgets.IntProgress(),
  FloatProgressModel: () => new widgets.FloatProgress(),
  PlayModel: () => new widgets.Play(),
  HBoxModel: () => new widgets.HBox(),
  VBoxModel: () => new widgets.VBox(),
  GridBoxModel: () => new widgets.GridBox(),
  TabModel: () => new widgets.Tab(),
  AccordionModel: () => new widgets.Accordion(),
  OutputModel: () => new widgets.Output(),
  LayoutModel: () => new widgets.Layout(),
};

describe("default states against @jupyter-widgets/schema", () => {
  for (const [name, make] of Object.entries(makers)) {
    it(`${name} opens with exactly the schema's attributes and defaults`, () => {
      const model = spec.find((m) => m.model.name === name)!;
      const widget = make();
      const state = widget.serializedState().state as Record<string, unknown>;
      expect(Object.keys(state).sort()).toEqual(model.attributes.map((a) => a.name).sort());
      for (const attribute of model.attributes) {
        if (attribute.type === "reference") {
          // "reference to new instance": a model of the named kind, opened before this one.
          const ref = state[attribute.name] as string;
          expect(ref).toMatch(/^IPY_MODEL_/);
          continue;
        }
        const expected = name === "SelectionSliderModel" && attribute.name === "_options_labels" ? ["a"] : attribute.default;
        expect([attribute.name, state[attribute.name]]).toEqual([attribute.name, expected]);
      }
      expect(widget.spec.view?.name ?? null).toBe(model.view?.name ?? null);
    });
  }

  it("style references point at the style model the schema names", () => {
    for (const [name, make] of Object.entries(makers)) {
      const model = spec.find((m) => m.model.name === name)!;
      const style = model.attributes.find((a) => a.name === "style") as { widget?: string } | undefined;
      if (!style?.widget) continue;
      const widget = make();
      const styleWidget = widgets.liveWidgets().get((widget.serializedState().state.style as string).slice("IPY_MODEL_".length))!;
      expect(styleWidget.spec.model.name).toBe(`${style.widget}Model`);
    }
  });
});
