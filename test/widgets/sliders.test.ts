import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FloatLogSlider, FloatSlider, IntRangeSlider, IntSlider } from "../../widgets";
import { installFakeKernel } from "./fake-kernel";

let kernel: ReturnType<typeof installFakeKernel>;
beforeEach(() => {
  kernel = installFakeKernel();
});
afterEach(() => kernel.uninstall());

describe("slider attributes are checked on every set, as ipywidgets' validators do", () => {
  it("clamps an IntSlider's value to [min, max] and converts it as CInt does (3.7 → 3)", () => {
    const s = new IntSlider({ min: 0, max: 10 });
    s.value = 1000;
    expect(s.value).toBe(10);
    s.value = -4;
    expect(s.value).toBe(0);
    s.value = 3.7;
    expect(s.value).toBe(3);
  });

  it("refuses min > max naming the attribute, its value and the range, and changes nothing", () => {
    const s = new IntSlider({ min: 50, max: 100, value: 60 });
    kernel.sent.length = 0;
    expect(() => s.set({ max: -5 })).toThrow("invalid max: -5 (expected a number ≥ min (50))");
    expect(() => (s.min = 101)).toThrow("invalid min: 101 (expected a number ≤ max (100))");
    expect([s.min, s.max, s.value]).toEqual([50, 100, 60]);
    expect(kernel.sent).toEqual([]);
  });

  it("refuses values of the wrong type with a TypeError naming the attribute", () => {
    const s = new IntSlider();
    expect(() => s.set({ value: "abc" })).toThrow(TypeError);
    expect(() => s.set({ value: "abc" })).toThrow('invalid value: "abc" (expected an integer)');
    expect(() => s.set({ value: null })).toThrow("invalid value: null (expected an integer)");
    expect(() => s.set({ step: 0 })).toThrow("invalid step: 0 (expected a number > 0)");
    expect(() => new FloatSlider().set({ value: Number.NaN })).toThrow("invalid value: NaN (expected a finite number)");
    expect(() => s.set({ orientation: "diagonal" })).toThrow('invalid orientation: "diagonal" (expected one of ["horizontal","vertical"])');
  });

  it("moves the value with a bound that passes it, telling observers, in the same update", () => {
    const s = new FloatSlider({ min: 0, max: 10, value: 2 });
    const seen: unknown[] = [];
    s.observe("value", (c) => seen.push(c.new));
    kernel.sent.length = 0;
    s.min = 5;
    expect(s.value).toBe(5);
    expect(seen).toEqual([5]);
    expect(kernel.sent.map((m) => (m.data as { state: unknown }).state)).toEqual([{ min: 5, value: 5 }]);
  });

  it("checks min and max set together against each other, not against the old bounds", () => {
    const s = new IntSlider({ min: 0, max: 10, value: 5 });
    s.set({ min: 200, max: 300 });
    expect([s.min, s.max, s.value]).toEqual([200, 300, 200]);
  });

  it("keeps a FloatLogSlider's value in [base^min, base^max] and its exponents ordered", () => {
    const s = new FloatLogSlider({ min: 0, max: 3, value: 10 });
    s.value = 1e6;
    expect(s.value).toBe(1000);
    s.max = 2;
    expect(s.value).toBe(100);
    expect(() => s.set({ min: 4 })).toThrow("invalid min: 4 (expected a number ≤ max (2))");
    expect(() => s.set({ base: -2 })).toThrow("invalid base: -2 (expected a number > 0)");
  });

  it("keeps a range slider's pair ordered and inside [min, max]", () => {
    const s = new IntRangeSlider({ min: 0, max: 100, value: [10, 20] });
    expect(() => (s.value = [50, 10])).toThrow("invalid value: [50,10] (expected a pair [low, high] with low ≤ high)");
    s.value = [-5, 500];
    expect(s.value).toEqual([0, 100]);
    s.min = 30;
    expect(s.value).toEqual([30, 100]);
    expect(() => (s.value = [1, 2, 3] as unknown as [number, number])).toThrow("invalid value: [1,2,3] (expected a pair [low, high])");
    expect(() => s.set({ max: 10 })).toThrow("invalid max: 10 (expected a number ≥ min (30))");
  });
});
