import { describe, expect, it } from "vitest";
import { quorumIntersection } from "../../src/consensus";

describe("quorumIntersection({ sizes, quorum })", () => {
  it("finds that every two majorities of 3, 5 and 7 servers share at least one (2q - n = 1)", () => {
    expect(quorumIntersection().objects()).toEqual([
      { n: 3, quorum: 2, quorums: 3, min_overlap: 1, all_intersect: true, tolerated_failures: 1 },
      { n: 5, quorum: 3, quorums: 10, min_overlap: 1, all_intersect: true, tolerated_failures: 2 },
      { n: 7, quorum: 4, quorums: 35, min_overlap: 1, all_intersect: true, tolerated_failures: 3 },
    ]);
  });

  it("finds disjoint quorums below a majority, and overlap 2q - n above", () => {
    const rows = quorumIntersection({ sizes: [4, 6], quorum: 2 }).objects() as { min_overlap: number; all_intersect: boolean }[];
    expect(rows.map((r) => r.all_intersect)).toEqual([false, false]);
    expect((quorumIntersection({ sizes: [7], quorum: 6 }).objects()[0] as { min_overlap: number }).min_overlap).toBe(5);
    expect(() => quorumIntersection({ sizes: [3], quorum: 4 })).toThrow(new RangeError("invalid quorum: 4 (expected an integer in [1, 3])"));
  });
});
