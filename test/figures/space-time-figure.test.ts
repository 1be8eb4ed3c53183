import { describe, expect, it } from "vitest";
import { figures, models } from "../../src";

describe("spaceTimeFigure(execution, options)", () => {
  const ex = models.randomExecution({ processes: 3, eventsPerProcess: 5, seed: 2026 });
  it("draws one line per process, one arrow per message from its send to its receipt", () => {
    const f = figures.spaceTimeFigure(ex);
    const annotations = f.layout.annotations as { x: number; ax: number }[];
    expect(annotations).toHaveLength(ex.messages.length);
    ex.messages.forEach((m, i) => expect([annotations[i].ax, annotations[i].x]).toEqual([ex.events[m.send].time, ex.events[m.receive].time]));
    expect(f.data.filter((t) => t.mode === "lines")).toHaveLength(3);
  });
  it("labels events with their Lamport or vector timestamps", () => {
    const lamport = models.lamportClocks(ex);
    const text = figures.spaceTimeFigure(ex, { clock: "lamport" }).data.at(-1)!.text as string[];
    expect(text[0]).toBe(`${models.eventNames(ex)[0]}  ${lamport[0]}`);
    const vectorText = figures.spaceTimeFigure(ex, { clock: "vector" }).data.at(-1)!.text as string[];
    expect(vectorText[0]).toContain(`[${models.vectorClocks(ex)[0].join(",")}]`);
  });
  it("splits the other events into past, future and concurrent of the highlighted one, each exactly once", () => {
    const f = figures.spaceTimeFigure(ex, { highlight: 6 });
    const groups = f.data.filter((t) => t.mode === "markers+text").map((t) => (t.x as number[]).length);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(ex.events.length);
    const row = models.logicalClockTable(ex).objects()[6] as { happened_before_it: number; happened_after_it: number; concurrent_with_it: number };
    expect(groups).toEqual([1, row.happened_before_it, row.happened_after_it, row.concurrent_with_it]);
  });
  it("rejects an unknown event", () => {
    expect(() => figures.spaceTimeFigure(ex, { highlight: 999 })).toThrow("invalid highlight: 999");
  });
});
