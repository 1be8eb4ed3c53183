import { describe, expect, it } from "vitest";
import { communication } from "../../src";

type Row = {
  mode: string;
  group_size: number;
  copies_sent: number;
  link_transmissions: number;
  link_transmissions_closed_form: number;
  max_link_load: number;
  hosts_processing: number;
  delivery_ms: number;
};

describe("addressingModes(options)", () => {
  const rows = communication.addressingModes({ depth: 6, trials: 400, seed: 3 }).objects() as Row[];
  const at = (mode: string, g: number) => rows.find((r) => r.mode === mode && r.group_size === g)!;
  it("gives one row per mode and group size 1, 2, 4, …, 63", () => {
    expect([...new Set(rows.map((r) => r.group_size))]).toEqual([1, 2, 4, 8, 16, 32, 63]);
    expect(rows).toHaveLength(28);
  });
  it("matches the closed-form expected link transmissions within 3% for every mode and size", () => {
    // 400 random groups: the standard error of the mean link count is under 1% of it.
    for (const r of rows)
      expect(Math.abs(r.link_transmissions - r.link_transmissions_closed_form)).toBeLessThanOrEqual(0.03 * r.link_transmissions_closed_form + 1e-9);
  });
  it("makes the four modes agree for a group of one, except broadcast that floods all 126 links", () => {
    const one = communication.addressingLinksClosedForm("unicast", 6, 1);
    expect(communication.addressingLinksClosedForm("multicast", 6, 1)).toBeCloseTo(one, 9);
    expect(communication.addressingLinksClosedForm("anycast", 6, 1)).toBeCloseTo(one, 9);
    expect(at("broadcast", 1).link_transmissions).toBe(126);
  });
  it("grows unicast linearly in the group while multicast stays below broadcast and anycast falls", () => {
    expect(at("unicast", 32).link_transmissions / at("unicast", 4).link_transmissions).toBeCloseTo(8, 0);
    expect(at("multicast", 63).link_transmissions).toBeCloseTo(126, 9);
    expect(at("multicast", 32).link_transmissions).toBeLessThan(at("unicast", 32).link_transmissions / 2);
    expect(at("anycast", 32).link_transmissions).toBeLessThan(at("anycast", 1).link_transmissions);
    expect(at("unicast", 32).max_link_load).toBe(32);
    expect(at("broadcast", 4).hosts_processing).toBe(63);
  });
  it("validates the group sizes against the number of hosts", () => {
    expect(() => communication.addressingModes({ depth: 3, groupSizes: [8] })).toThrow("invalid group size: 8 (expected an integer in [1, 7])");
  });
});

describe("anycastLatency(options)", () => {
  const rows = communication.anycastLatency().objects() as { client: string; unicast_rtt_ms: number; anycast_rtt_ms: number; served_by: string }[];
  it("never routes a client farther than unicast to the home replica, and serves a replica's own city locally", () => {
    for (const r of rows) expect(r.anycast_rtt_ms).toBeLessThanOrEqual(r.unicast_rtt_ms);
    expect(rows.find((r) => r.client === "Singapore")!.served_by).toBe("Singapore");
    expect(rows.find((r) => r.client === "Singapore")!.anycast_rtt_ms).toBe(2);
  });
  it("rejects an unknown city", () => {
    expect(() => communication.anycastLatency({ home: "Atlantis" })).toThrow('invalid home: "Atlantis"');
  });
});
