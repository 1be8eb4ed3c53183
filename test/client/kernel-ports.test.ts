import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ephemeralPortRange, kernelPorts, localServerPort } from "../../kernel-ext/client/kernel-ports";

describe("kernelPorts", () => {
  it("gives distinct bindable ports below the range outgoing connections draw from", async () => {
    const [low] = ephemeralPortRange();
    const ports = await kernelPorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(low);
    }
    // Each can be bound now (the kernel will).
    for (const port of ports) {
      await new Promise<void>((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
      });
    }
  });

  it("gives a local server (a jupyter-server the tests start) its port from the same range", async () => {
    const [low] = ephemeralPortRange();
    const port = await localServerPort();
    expect(port).toBeGreaterThanOrEqual(10_000);
    expect(port).toBeLessThan(low);
  });

  it("skips a port that is taken", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(20_000, "127.0.0.1", () => resolve()));
    try {
      // The first draw lands on the taken port, the next ones elsewhere.
      const draws = [(20_000 - 10_000) / (Math.min(ephemeralPortRange()[0] - 1, 49_151) - 10_000 + 1), 0.5, 0.25];
      const ports = await kernelPorts(2, () => draws.shift() ?? Math.random());
      expect(ports).not.toContain(20_000);
      expect(ports).toHaveLength(2);
    } finally {
      server.close();
    }
  });
});

describe("ephemeralPortRange", () => {
  it("reads Linux's range, and assumes the IANA range when it cannot", () => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-range-"));
    writeFileSync(join(dir, "range"), "32768\t60999\n");
    expect(ephemeralPortRange(join(dir, "range"))).toEqual([32768, 60999]);
    expect(ephemeralPortRange(join(dir, "missing"))).toEqual([49152, 65535]);
    writeFileSync(join(dir, "bad"), "nonsense");
    expect(ephemeralPortRange(join(dir, "bad"))).toEqual([49152, 65535]);
  });
});
