import { describe, expect, it } from "vitest";
import { checkMonteCarloOptions } from "../../src/failure/monte-carlo-options";

describe("checkMonteCarloOptions({ trials, seed, level })", () => {
  it("defaults to 10,000 trials, seed 1 and a 95% interval", () => {
    expect(checkMonteCarloOptions({})).toEqual({ trials: 10_000, seed: 1, level: 0.95 });
    expect(checkMonteCarloOptions({ trials: 5, seed: 0, level: 0.5 })).toEqual({ trials: 5, seed: 0, level: 0.5 });
  });

  it("names the bad option, its value and the valid range", () => {
    expect(() => checkMonteCarloOptions({ trials: 0 })).toThrow(new RangeError("invalid trials: 0 (expected an integer >= 1)"));
    expect(() => checkMonteCarloOptions({ trials: 2.5 })).toThrow(new RangeError("invalid trials: 2.5 (expected an integer >= 1)"));
    expect(() => checkMonteCarloOptions({ seed: -1 })).toThrow(new RangeError("invalid seed: -1 (expected an integer in [0, 4294967295])"));
    expect(() => checkMonteCarloOptions({ level: 1 })).toThrow(new RangeError("invalid level: 1 (expected a number in (0, 1))"));
    expect(() => checkMonteCarloOptions({ level: "95%" as unknown as number })).toThrow(new TypeError('invalid level: "95%" (expected a number in (0, 1))'));
  });
});
