import { describe, expect, it } from "vitest";
import { checkInteger, checkNonEmptyArray, checkNumber, checkOneOf, checkProbability, checkSeed, formatValue } from "../src/validate";

describe("validate: one message shape, `invalid <name>: <value> (expected <range>)`", () => {
  it("checkInteger names the parameter, the value and the range, as RangeError", () => {
    expect(() => checkInteger("bits", 0, 1, 32)).toThrow(new RangeError("invalid bits: 0 (expected an integer in [1, 32])"));
    expect(() => checkInteger("n", 2.5, 0)).toThrow(new RangeError("invalid n: 2.5 (expected an integer >= 0)"));
  });
  it("throws TypeError for a value of the wrong type", () => {
    expect(() => checkInteger("bits", "6", 1, 32)).toThrow(new TypeError('invalid bits: "6" (expected an integer in [1, 32])'));
    expect(() => checkNumber("x", undefined)).toThrow(new TypeError("invalid x: undefined (expected a number in (-∞, ∞))"));
  });
  it("shows open and closed bounds", () => {
    expect(() => checkNumber("rate", 0, { min: 0, minOpen: true })).toThrow("invalid rate: 0 (expected a number in (0, ∞))");
    expect(() => checkProbability("p", NaN)).toThrow("invalid p: NaN (expected a number in [0, 1])");
    expect(() => checkSeed(2 ** 32)).toThrow("invalid seed: 4294967296 (expected an integer in [0, 4294967295])");
  });
  it("lists the options of checkOneOf and rejects empty arrays", () => {
    expect(() => checkOneOf("mode", "x", ["a", "b"])).toThrow('invalid mode: "x" (expected one of "a", "b")');
    expect(() => checkNonEmptyArray("ns", [])).toThrow("invalid ns: [] (expected a non-empty array)");
    expect(checkNonEmptyArray("ns", [1])).toEqual([1]);
  });
  it("formats long values briefly", () => {
    expect(formatValue(Array.from({ length: 100 }, (_, i) => i))).toMatch(/\.\.\.$/);
    expect(formatValue(() => 1)).toBe("a function");
  });
});
