import { describe, expect, it } from "vitest";
import { distributionTime } from "../../src/architectures/index";

type Row = { peers: number; client_server_s: number; p2p_s: number };

describe("distributionTime({ peers, fileMb, serverUpMbps, peerUpMbps, peerDownMbps })", () => {
  it("gives Kurose & Ross's bounds: the server uploads every copy, or the swarm shares the work", () => {
    const [one, thousand] = distributionTime({ peers: [1, 1000], fileMb: 8000, serverUpMbps: 1000, peerUpMbps: 20, peerDownMbps: 100 }).objects() as Row[];
    // One peer: its 100 Mb/s download is the bottleneck either way.
    expect(one).toEqual({ peers: 1, client_server_s: 80, p2p_s: 80 });
    // 1,000 peers: 1,000 copies at 1 Gb/s, against 8·10^6 Mb over 1,000 + 20,000 Mb/s.
    expect(thousand.client_server_s).toBe(8000);
    expect(thousand.p2p_s).toBeCloseTo(8e6 / 21_000, 9);
  });

  it("grows linearly with N for client/server and stays bounded by F/u for peer-to-peer", () => {
    const rows = distributionTime({ peers: [10, 100, 1000, 10_000, 100_000] }).objects() as Row[];
    for (const r of rows) {
      expect(r.p2p_s).toBeLessThanOrEqual(r.client_server_s);
      expect(r.p2p_s).toBeLessThan(8000 / 20);
    }
    expect(rows[4].client_server_s / rows[3].client_server_s).toBeCloseTo(10, 9);
  });

  it("names a bad parameter", () => {
    expect(() => distributionTime({ peers: [0] })).toThrow("invalid peers[0]: 0");
    expect(() => distributionTime({ peerUpMbps: 0 })).toThrow("invalid peerUpMbps: 0");
  });
});
