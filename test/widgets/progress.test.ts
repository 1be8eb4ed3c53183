import { afterEach, describe, expect, it, vi } from "vitest";
import { progress } from "../../widgets";
import { installFakeKernel } from "./fake-kernel";

afterEach(() => vi.restoreAllMocks());

describe("progress(iterable | total)", () => {
  it("with a front end, shows an IntProgress bar that ends at the total with a success style", () => {
    const kernel = installFakeKernel();
    try {
      const seen: number[] = [];
      for (const x of progress([1, 2, 3], { description: "runs" })) seen.push(x);
      expect(seen).toEqual([1, 2, 3]);
      const open = kernel.sent.find((m) => m.type === "comm_open" && (m.data as { state: { _model_name: string } }).state._model_name === "IntProgressModel")!;
      expect((open.data as { state: Record<string, unknown> }).state).toMatchObject({ min: 0, max: 3, value: 0, description: "runs" });
      expect(kernel.sent.some((m) => m.type === "display_data")).toBe(true);
      const updates = kernel.sent
        .filter((m) => m.commId === open.commId && m.type === "comm_msg")
        .map((m) => (m.data as { state: Record<string, unknown> }).state);
      expect(updates.some((s) => s.value === 3)).toBe(true);
      expect(updates.at(-1)).toMatchObject({ bar_style: "success" });
    } finally {
      kernel.uninstall();
    }
  });

  it("without a front end, falls back to plain text on stdout", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const bar = progress(4, { description: "trials" });
    bar.step(2);
    bar.done();
    const text = write.mock.calls.map((c) => String(c[0])).join("");
    expect(text).toContain("trials 4/4 (100%)\n");
  });

  it("rejects a negative total", () => {
    expect(() => progress(-1)).toThrow("invalid total: -1 (expected an integer >= 0)");
  });
});
