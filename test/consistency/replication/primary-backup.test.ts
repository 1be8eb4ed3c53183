import { describe, expect, it } from "vitest";
import { primaryBackup } from "../../../src/consistency";

type Row = {
  mode: string;
  mean_write_ms: number;
  p99_write_ms: number;
  mean_lost_writes: number;
  lost_closed_form: number;
  p_lose_any: number;
  p_lose_any_closed_form: number;
};
const rows = (profile: "LNKD-SSD" | "LNKD-DISK" | "WAN") => primaryBackup({ profile, seed: 3 }).objects() as Row[];

describe("primaryBackup({ backups, writesPerSecond, profile, crashes, seed })", () => {
  it("makes synchronous writes wait for the slowest backup's round trip and lose nothing at failover", () => {
    const [sync, async] = rows("LNKD-DISK");
    expect(sync.mode).toBe("sync");
    expect(sync.mean_write_ms).toBeGreaterThan(5 * async.mean_write_ms);
    expect([sync.mean_lost_writes, sync.p_lose_any]).toEqual([0, 0]);
  });

  // 5,000 crash instants: on SSD (0.29 writes in flight on average) the mean has a standard error of
  // about 2.6%, so 8% is three standard errors; on disk and WAN more writes are in flight and it is tighter.
  it("loses, with asynchronous writes, what is in flight: Little's law λ·E[delay] (within 8%) and a Poisson chance of any (within 0.03)", () => {
    for (const profile of ["LNKD-SSD", "LNKD-DISK", "WAN"] as const) {
      const async = rows(profile)[1];
      expect(Math.abs(async.mean_lost_writes - async.lost_closed_form) / async.lost_closed_form).toBeLessThan(0.08);
      expect(Math.abs(async.p_lose_any - async.p_lose_any_closed_form)).toBeLessThan(0.03);
    }
  });

  it("rejects bad parameters, naming them", () => {
    expect(() => primaryBackup({ backups: 0 })).toThrow(new RangeError("invalid backups: 0 (expected an integer in [1, 10])"));
  });
});
