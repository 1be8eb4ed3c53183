import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latency } from "../../src";

const city = (name: string) => latency.WORLD_CITIES.find((c) => c.name === name)!;

describe("distanceKm(a, b) and rttMs(a, b, options)", () => {
  it("puts São Paulo–Tokyo at about 18,500 km and 280 ms with the defaults", () => {
    // Great circle ≈ 18,530 km; ×1.5 route, ×2 for the round trip, / 200 km/ms, + 2 ms ≈ 280 ms.
    expect(latency.distanceKm(city("São Paulo"), city("Tokyo"))).toBeGreaterThan(18_000);
    expect(latency.distanceKm(city("São Paulo"), city("Tokyo"))).toBeLessThan(19_000);
    expect(latency.rttMs(city("São Paulo"), city("Tokyo"))).toBeGreaterThan(270);
    expect(latency.rttMs(city("São Paulo"), city("Tokyo"))).toBeLessThan(290);
  });
  it("costs only the overhead between a site and itself", () => {
    expect(latency.rttMs(city("London"), city("London"), { overheadMs: 3 })).toBe(3);
  });
  it("is symmetric", () => {
    const n = latency.WORLD_CITIES.length - 1;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }), (i, j) => {
        expect(latency.rttMs(latency.WORLD_CITIES[i], latency.WORLD_CITIES[j])).toBeCloseTo(latency.rttMs(latency.WORLD_CITIES[j], latency.WORLD_CITIES[i]), 9);
      }),
    );
  });
  it("rejects a signal speed of 0", () => {
    expect(() => latency.rttMs(city("London"), city("Tokyo"), { kmPerMs: 0 })).toThrow("invalid kmPerMs: 0 (expected a number in (0, ∞))");
  });
});

describe("replicaPlacement(options)", () => {
  const rows = latency.replicaPlacement({ maxReplicas: 5 }).objects() as { replicas: number; mean_rtt_ms: number; max_rtt_ms: number; sites: string }[];
  it("lowers the mean RTT with each replica added and names the chosen sites", () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i].mean_rtt_ms).toBeLessThan(rows[i - 1].mean_rtt_ms);
    expect(rows[4].sites.split(", ")).toHaveLength(5);
  });
  it("reaches the overhead alone with a replica in every client city", () => {
    const all = latency.replicaPlacement({ maxReplicas: latency.WORLD_CITIES.length }).objects() as { mean_rtt_ms: number; max_rtt_ms: number }[];
    expect(all[all.length - 1].max_rtt_ms).toBe(2);
  });
  it("rejects more replicas than candidate sites and an empty client list", () => {
    expect(() => latency.replicaPlacement({ maxReplicas: 13 })).toThrow("invalid maxReplicas: 13 (expected an integer in [1, 12])");
    expect(() => latency.replicaPlacement({ clients: [] })).toThrow("invalid clients: [] (expected a non-empty array)");
  });
});
