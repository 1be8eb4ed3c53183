import { createRng } from "../random";
import { quantile } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative } from "../validate";
import { summarizeLatencies } from "./latency-summary";
import { workload, workloadSamplers, type Workload } from "./workload";

/** Options for compareStrategies. */
export interface CompareOptions {
  /** Items a page needs, fetched by independent calls. Defaults to 5. */
  callsPerPage?: number;
  /** LRU cache capacity in items for the caching strategies. Defaults to 1,000. */
  cacheCapacity?: number;
  /** Latency of a cache hit in milliseconds. Defaults to 1. */
  hitMs?: number;
  /** Round-trip time to a replica placed near the client in milliseconds. Defaults to 10. */
  nearRttMs?: number;
}

/**
 * The notes' "Escondendo a Latência" strategies side by side on one workload: a page needs
 * several items, each a remote call. Every strategy sees the same items and service times.
 * One row per strategy: page latency (mean, p50, p95, p99), server requests per page and the
 * extra load they put on the servers (hedges add requests; a cache removes them).
 */
export function compareStrategies(options: CompareOptions & Partial<Workload> = {}): Table {
  const { callsPerPage = 5, cacheCapacity = 1000, hitMs = 1, nearRttMs = 10, ...rest } = options;
  checkInteger("callsPerPage", callsPerPage, 1, 1000);
  checkInteger("cacheCapacity", cacheCapacity, 0);
  checkNonNegative("hitMs", hitMs);
  checkNonNegative("nearRttMs", nearRttMs);
  const w = workload(rest);
  const pages = Math.max(1, Math.floor(w.requests / callsPerPage));
  const { item, service } = workloadSamplers(w, createRng(w.seed));
  const items = Int32Array.from({ length: pages * callsPerPage }, () => item());
  const services = Float64Array.from({ length: pages * callsPerPage }, () => service());
  const services2 = Float64Array.from({ length: pages * callsPerPage }, () => service());
  const hedgeAfter = w.rttMs + quantile(services, 0.95);
  const cache = new Map<number, true>();
  const names = [
    "sequential calls",
    "parallel calls",
    "replica near the client",
    "LRU cache + sequential",
    "LRU cache + parallel",
    "parallel + hedged after p95",
  ];
  const latencies = names.map(() => new Float64Array(pages));
  const serverCalls = names.map(() => 0);
  for (let p = 0; p < pages; p++) {
    let seq = 0,
      par = 0,
      near = 0,
      cacheSeq = 0,
      cachePar = 0,
      hedged = 0;
    for (let c = 0; c < callsPerPage; c++) {
      const i = p * callsPerPage + c;
      const remote = w.rttMs + services[i];
      seq += remote;
      par = Math.max(par, remote);
      near = Math.max(near, nearRttMs + services[i]);
      const hit = cache.has(items[i]);
      if (hit) cache.delete(items[i]);
      else if (cacheCapacity > 0 && cache.size >= cacheCapacity) cache.delete(cache.keys().next().value as number);
      if (cacheCapacity > 0) cache.set(items[i], true);
      const cached = hit ? hitMs : remote;
      cacheSeq += cached;
      cachePar = Math.max(cachePar, cached);
      if (!hit) {
        serverCalls[3]++;
        serverCalls[4]++;
      }
      const hedge = remote > hedgeAfter ? Math.min(remote, hedgeAfter + w.rttMs + services2[i]) : remote;
      if (remote > hedgeAfter) serverCalls[5]++;
      hedged = Math.max(hedged, hedge);
    }
    serverCalls[0] += callsPerPage;
    serverCalls[1] += callsPerPage;
    serverCalls[2] += callsPerPage;
    serverCalls[5] += callsPerPage;
    [seq, par, near, cacheSeq, cachePar, hedged].forEach((value, s) => (latencies[s][p] = value));
  }
  return tableFromRows(
    names.map((strategy, s) => {
      const { mean_ms, p50_ms, p95_ms, p99_ms } = summarizeLatencies(latencies[s]);
      // Extra load relative to one server call per item needed: negative when a cache spares the server.
      return {
        strategy,
        mean_ms,
        p50_ms,
        p95_ms,
        p99_ms,
        server_calls_per_page: serverCalls[s] / pages,
        extra_load: serverCalls[s] / (pages * callsPerPage) - 1,
      };
    }),
  );
}
