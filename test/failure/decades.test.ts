import { describe, expect, it } from "vitest";
import { decades } from "../../src/failure";

describe("decades(max)", () => {
  it("lists the 1-2-5 series up to max", () => {
    expect(decades(100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(decades(30)).toEqual([1, 2, 5, 10, 20]);
    expect(decades(1)).toEqual([1]);
  });

  it("rejects a max below 1", () => {
    expect(() => decades(0)).toThrow(new RangeError("invalid max: 0 (expected an integer >= 1)"));
  });
});
