import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bufferPathsProblem } from "../../kernel-ext/kernel/buffer-paths";

describe("bufferPathsProblem", () => {
  it("accepts one path of keys and indices per buffer", () => {
    expect(bufferPathsProblem([], 0)).toBeUndefined();
    expect(bufferPathsProblem([["value"], ["data", 0, "x"]], 2)).toBeUndefined();
  });

  it("refuses paths through __proto__, constructor or prototype, wherever they are", () => {
    expect(bufferPathsProblem([["__proto__", "polluted"]], 1)).toMatch(/may not name __proto__/);
    expect(bufferPathsProblem([["a", "constructor", "prototype", "x"]], 1)).toMatch(/may not name constructor/);
    expect(bufferPathsProblem([["value"], ["a", "prototype"]], 2)).toMatch(/may not name prototype/);
  });

  it("refuses what is not a list of non-empty paths of keys and indices, or does not match the buffers", () => {
    for (const bad of [{}, "x", null, [[]], [["a", -1]], [["a", 1.5]], [["a", null]], [[{ toString: "__proto__" }]], ["value"]]) {
      expect(bufferPathsProblem(bad, Array.isArray(bad) ? bad.length : 1), JSON.stringify(bad)).toBeDefined();
    }
    expect(bufferPathsProblem([["a"]], 2)).toMatch(/1 buffer_paths for 2 buffers/);
  });

  it("never accepts a path that could reach a prototype, for any path", () => {
    const step = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype"), fc.nat(), fc.integer({ min: -5, max: -1 }));
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 4 }), { maxLength: 3 }), (paths) => {
        const ok = bufferPathsProblem(paths, paths.length) === undefined;
        const dangerous = paths.some(
          (p) => p.length === 0 || p.some((s) => ["__proto__", "constructor", "prototype"].includes(s as string) || (typeof s === "number" && s < 0)),
        );
        expect(ok && dangerous).toBe(false);
      }),
    );
  });
});
