import { describe, expect, it } from "vitest";
import { latency } from "../../src";

describe("replicasOnLine(options)", () => {
  type Row = { replicas: number; mean_rtt_ms: number; mean_lower_ms: number; mean_upper_ms: number; closed_form_ms: number };
  const rows = latency.replicasOnLine({ maxReplicas: 6, clients: 4000, seed: 2 }).objects() as Row[];
  it("agrees with the closed form 2·route·L/(4k)/v + overhead within the 99.9% interval", () => {
    for (const r of rows) {
      const half = ((r.mean_upper_ms - r.mean_lower_ms) / 2) * (3.29 / 1.96);
      expect(Math.abs(r.mean_rtt_ms - r.closed_form_ms)).toBeLessThan(half);
    }
    // 10,000 km, route ×1.5, 200 km/ms, 2 ms overhead, one replica: 2·1.5·2500/200 + 2 = 39.5 ms.
    expect(rows[0].closed_form_ms).toBeCloseTo(39.5, 12);
  });
  it("halves the distance part of the RTT when the replicas double", () => {
    expect(rows[1].closed_form_ms - 2).toBeCloseTo((rows[0].closed_form_ms - 2) / 2, 12);
    expect(rows[3].mean_rtt_ms).toBeLessThan(rows[1].mean_rtt_ms);
  });
  it("is deterministic in its seed", () => {
    const run = () => latency.replicasOnLine({ maxReplicas: 2, clients: 100, seed: 5 }).objects();
    expect(run()).toEqual(run());
  });
  it("rejects a line of length 0", () => {
    expect(() => latency.replicasOnLine({ lengthKm: 0 })).toThrow("invalid lengthKm: 0 (expected a number in (0, ∞))");
  });
});
