import { WORLD_CITIES, rttMs, type RttOptions, type Site } from "../latency/placement";
import { tableFromRows, type Table } from "../table";
import { checkNonEmptyArray, invalidRange } from "../validate";

/** Options for anycastLatency. */
export interface AnycastLatencyOptions {
  /** Cities holding a replica behind one anycast address. Defaults to New York, Frankfurt, Singapore and São Paulo. */
  replicas?: readonly string[];
  /** The one replica unicast sends every client to. Defaults to "New York". */
  home?: string;
  /** Clients, one per city. Defaults to WORLD_CITIES. */
  clients?: readonly Site[];
  /** RTT model of chapter 02 (latency.rttMs). Defaults to its defaults. */
  rtt?: RttOptions;
}

/**
 * Anycast vs unicast with chapter 02's RTT model: every replica announces the same address and
 * routing takes each client to the nearest (as public DNS resolvers do); unicast sends every client
 * to one home replica. One row per client city: both round trips and the replica anycast chose.
 */
export function anycastLatency({
  replicas = ["New York", "Frankfurt", "Singapore", "São Paulo"],
  home = "New York",
  clients = WORLD_CITIES,
  rtt = {},
}: AnycastLatencyOptions = {}): Table {
  checkNonEmptyArray("replicas", replicas);
  checkNonEmptyArray("clients", clients);
  const site = (name: string, what: string): Site => {
    const found = WORLD_CITIES.find((c) => c.name === name);
    if (!found) throw invalidRange(what, name, `one of ${WORLD_CITIES.map((c) => JSON.stringify(c.name)).join(", ")}`);
    return found;
  };
  const replicaSites = replicas.map((r) => site(r, "replicas"));
  const homeSite = site(home, "home");
  return tableFromRows(
    clients.map((client) => {
      const rtts = replicaSites.map((r) => rttMs(client, r, rtt));
      const best = rtts.indexOf(Math.min(...rtts));
      return { client: client.name, unicast_rtt_ms: rttMs(client, homeSite, rtt), anycast_rtt_ms: rtts[best], served_by: replicaSites[best].name };
    }),
  );
}
