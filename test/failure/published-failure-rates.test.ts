import { describe, expect, it } from "vitest";
import { PUBLISHED_FAILURE_RATES } from "../../src/failure";

const afrsFrom = (source: string) => PUBLISHED_FAILURE_RATES.filter((r) => r.source.includes(source)).map((r) => r.afr);

describe("PUBLISHED_FAILURE_RATES", () => {
  it("holds the rates of REFERENCES.md with their sources", () => {
    expect(afrsFrom("Schroeder")).toEqual([0.0088, 0.0301]);
    expect(afrsFrom("Pinheiro")).toEqual([0.017, 0.086]);
    expect(afrsFrom("Backblaze")).toEqual([0.0136]);
    expect(afrsFrom("Dean")).toEqual([0.02, 0.04]);
    expect(afrsFrom("Shvachko")).toEqual([expect.closeTo(0.096, 12)]);
  });

  it("gives every rate a label and a full citation, in increasing order of afr", () => {
    for (const rate of PUBLISHED_FAILURE_RATES) {
      expect(rate.label.length).toBeGreaterThan(0);
      expect(rate.citation).toMatch(/\d{4}/);
      expect(rate.afr).toBeGreaterThan(0);
      expect(rate.afr).toBeLessThan(1);
    }
    const afrs = PUBLISHED_FAILURE_RATES.map((r) => r.afr);
    expect(afrs).toEqual([...afrs].sort((a, b) => a - b));
  });
});

describe("PUBLISHED_FAILURE_RATES units", () => {
  it("say whether a rate counts disks, servers or whole nodes", () => {
    expect(PUBLISHED_FAILURE_RATES.map((r) => r.unit)).toEqual(["disk", "disk", "disk", "server", "disk", "server", "disk", "node"]);
  });
});
