import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * The range the system draws outgoing connections' local ports from. A kernel's ports are picked
 * outside it: the client connects to them before the kernel has bound them, and each connect
 * attempt takes a port from this range, which could be one the kernel is about to bind
 * ("Address already in use" as it starts). Linux says where the range is; elsewhere the IANA
 * range (49152-65535, macOS and Windows) is assumed.
 */
export function ephemeralPortRange(procFile = "/proc/sys/net/ipv4/ip_local_port_range"): [number, number] {
  try {
    const [low, high] = readFileSync(procFile, "utf8").trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && 1024 < low && low <= high && high <= 65535) return [low, high];
  } catch {
    // Not Linux: fall through.
  }
  return [49152, 65535];
}

/** Whether a TCP port on 127.0.0.1 can be bound now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port the system assigns (its ephemeral range): the fallback when no other is free. */
function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `count` distinct free ports for a kernel, drawn at random from the registered ports below the
 * ephemeral range (10000 and up), so that neither this client's connect attempts nor another
 * launch's port-0 servers can take one before the kernel binds it.
 */
export async function kernelPorts(count: number, random: () => number = Math.random): Promise<number[]> {
  const [ephemeralLow] = ephemeralPortRange();
  const low = 10_000;
  const high = Math.min(ephemeralLow - 1, 49_151);
  const ports: number[] = [];
  for (let tries = 0; ports.length < count && tries < 200 && high > low; tries++) {
    const port = low + Math.floor(random() * (high - low + 1));
    if (!ports.includes(port) && (await canBind(port))) ports.push(port);
  }
  while (ports.length < count) {
    const port = await systemPort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** One free port for a local server that starts kernels itself (a jupyter-server), drawn as a kernel's are. */
export async function localServerPort(): Promise<number> {
  const [port] = await kernelPorts(1);
  return port;
}
