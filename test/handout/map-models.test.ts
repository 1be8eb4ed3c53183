import { describe, expect, it } from "vitest";
import { mapModels, renameReferences } from "../../widgets/frontend/live/map-models";

const states = (entries: Record<string, Record<string, unknown>>) => ({ get: (id: string) => entries[id] });

describe("mapModels", () => {
  it("pairs the models reachable from paired roots through references in the same places", () => {
    const saved = states({
      box: { _model_name: "VBoxModel", _model_module: "c", children: ["IPY_MODEL_s1", "IPY_MODEL_fig", "IPY_MODEL_out"], layout: "IPY_MODEL_l0" },
      s1: { _model_name: "IntSliderModel", _model_module: "c", layout: "IPY_MODEL_l1", style: "IPY_MODEL_st1" },
      fig: { _model_name: "FigureModel", _model_module: "dslab" },
      out: { _model_name: "OutputModel", _model_module: "o" },
      l0: { _model_name: "LayoutModel", _model_module: "b" },
      l1: { _model_name: "LayoutModel", _model_module: "b" },
      st1: { _model_name: "SliderStyleModel", _model_module: "c" },
    });
    const live = states({
      B: { _model_name: "VBoxModel", _model_module: "c", children: ["IPY_MODEL_S1", "IPY_MODEL_FIG", "IPY_MODEL_OUT"], layout: "IPY_MODEL_L0" },
      S1: { _model_name: "IntSliderModel", _model_module: "c", layout: "IPY_MODEL_L1", style: "IPY_MODEL_ST1" },
      FIG: { _model_name: "FigureModel", _model_module: "dslab" },
      OUT: { _model_name: "OutputModel", _model_module: "o" },
      L0: { _model_name: "LayoutModel", _model_module: "b" },
      L1: { _model_name: "LayoutModel", _model_module: "b" },
      ST1: { _model_name: "SliderStyleModel", _model_module: "c" },
    });
    expect(Object.fromEntries(mapModels(saved, live, [["box", "B"]]))).toEqual({ box: "B", s1: "S1", fig: "FIG", out: "OUT", l0: "L0", l1: "L1", st1: "ST1" });
  });

  it("does not pair models whose names differ, nor roots it does not know", () => {
    const saved = states({ a: { _model_name: "VBoxModel", children: ["IPY_MODEL_x"] }, x: { _model_name: "IntSliderModel" } });
    const live = states({ A: { _model_name: "VBoxModel", children: ["IPY_MODEL_X"] }, X: { _model_name: "FloatSliderModel" } });
    expect(
      Object.fromEntries(
        mapModels(saved, live, [
          ["a", "A"],
          ["nope", "A"],
        ]),
      ),
    ).toEqual({ a: "A" });
  });
});

describe("renameReferences", () => {
  it("renames model references anywhere in a JSON value and leaves other strings", () => {
    const map = new Map([["a", "A"]]);
    expect(renameReferences({ children: ["IPY_MODEL_a", "IPY_MODEL_b"], text: "a", n: 1, nested: { layout: "IPY_MODEL_a" } }, (id) => map.get(id))).toEqual({
      children: ["IPY_MODEL_A", "IPY_MODEL_b"],
      text: "a",
      n: 1,
      nested: { layout: "IPY_MODEL_A" },
    });
  });
});

describe("mapModels with lists of children", () => {
  it("pairs children by kind in order, so a child only the live box has does not shift the others", () => {
    const saved = states({
      box: { _model_name: "VBoxModel", children: ["IPY_MODEL_s", "IPY_MODEL_o"] },
      s: { _model_name: "IntSliderModel" },
      o: { _model_name: "OutputModel" },
    });
    const live = states({
      B: { _model_name: "VBoxModel", children: ["IPY_MODEL_S", "IPY_MODEL_F", "IPY_MODEL_O"] },
      S: { _model_name: "IntSliderModel" },
      F: { _model_name: "FigureModel" },
      O: { _model_name: "OutputModel" },
    });
    expect(Object.fromEntries(mapModels(saved, live, [["box", "B"]]))).toEqual({ box: "B", s: "S", o: "O" });
  });
});
