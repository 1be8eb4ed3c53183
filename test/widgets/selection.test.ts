import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Dropdown, SelectionSlider } from "../../widgets";
import { installFakeKernel } from "./fake-kernel";

let kernel: ReturnType<typeof installFakeKernel>;
beforeEach(() => {
  kernel = installFakeKernel();
});
afterEach(() => kernel.uninstall());

describe("selection widgets check index and options on every set", () => {
  it("refuses an index outside the options, or not an integer, and keeps the selection", () => {
    const d = new Dropdown({ options: ["a", "b", "c"], value: "b" });
    expect(() => d.set({ index: 3 })).toThrow("invalid index: 3 (expected an integer in [0, 2] or null)");
    expect(() => d.set({ index: -1 })).toThrow("invalid index: -1 (expected an integer in [0, 2] or null)");
    expect(() => d.set({ index: 1.5 })).toThrow("invalid index: 1.5 (expected an integer)");
    expect(() => d.set({ index: "1" })).toThrow('invalid index: "1" (expected an integer)');
    expect(d.value).toBe("b");
    d.set({ index: null });
    expect(d.value).toBe(null);
  });

  it("takes new options and selects the first, as ipywidgets does; observers of value hear it", () => {
    const s = new SelectionSlider({ options: { low: 1, high: 2 }, value: 1 });
    const seen: unknown[] = [];
    s.observe("value", (c) => seen.push(c.new));
    s.options = { tiny: 0.1, huge: 1000 };
    expect([s.index, s.value, s.label]).toEqual([0, 0.1, "tiny"]);
    expect(s.get("_options_labels")).toEqual(["tiny", "huge"]);
    expect(seen).toEqual([0.1]);
    s.options = [];
    expect([s.index, s.value]).toEqual([null, null]);
    expect(() => (s.value = 3)).toThrow("invalid value: 3 (expected one of the options [])");
  });
});
