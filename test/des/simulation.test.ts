import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSimulation, run, schedule } from "../../src/des";

describe("run(sim, handle)", () => {
  it("fires events by time, then priority, then insertion order", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ delay: fc.integer({ min: 0, max: 5 }), priority: fc.integer({ min: 0, max: 2 }) }), { maxLength: 40 }), (specs) => {
        const sim = createSimulation<number>();
        specs.forEach((s, i) => schedule(sim, s.delay, "e", i, s.priority));
        const fired: number[] = [];
        run(sim, (_s, e) => fired.push(e.payload));
        const expected = specs
          .map((s, i) => ({ ...s, i }))
          .sort((a, b) => a.delay - b.delay || a.priority - b.priority || a.i - b.i)
          .map((s) => s.i);
        expect(fired).toEqual(expected);
      }),
    );
  });
  it("lets handlers schedule more events and advances the clock", () => {
    const sim = createSimulation<number>();
    schedule(sim, 1, "tick", 0);
    const times: number[] = [];
    run(sim, (s, e) => {
      times.push(s.now);
      if (e.payload < 3) schedule(s, 2, "tick", e.payload + 1);
    });
    expect(times).toEqual([1, 3, 5, 7]);
  });
});
