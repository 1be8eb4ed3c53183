import { describe, expect, it } from "vitest";
import { rawMimeBundle } from "../../kernel-ext/kernel/raw-mime-bundle";

describe("rawMimeBundle", () => {
  it("takes an object of MIME types to data as the bundle itself", () => {
    expect(rawMimeBundle({ "text/html": "<b>hi</b>", "text/plain": "hi", "application/json": { a: 1 } })).toEqual({
      "text/html": "<b>hi</b>",
      "text/plain": "hi",
      "application/json": { a: 1 },
    });
  });

  it("refuses what is not a bundle, naming what is wrong", () => {
    expect(() => rawMimeBundle("<b>")).toThrow(/invalid raw bundle: <b> \(expected an object mapping MIME types/);
    expect(() => rawMimeBundle({})).toThrow(/invalid raw bundle: \{\}/);
    expect(() => rawMimeBundle({ html: "<b>" })).toThrow(/invalid raw bundle key: "html"/);
    expect(() => rawMimeBundle({ "text/html": 5 })).toThrow(/invalid raw bundle value for text\/html: number \(expected a string\)/);
  });
});
