import { createRng, exponential, type Rng } from "../random";
import { quantiles } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNumber, checkOneOf, checkPositive, checkSeed } from "../validate";

/** How a load balancer picks a server. */
export type BalancingPolicy = "round-robin" | "random" | "least-loaded" | "power-of-two";

/** Every policy, in the order tables list them. */
export const BALANCING_POLICIES: readonly BalancingPolicy[] = ["round-robin", "random", "least-loaded", "power-of-two"];

/** Options for loadBalancing. */
export interface LoadBalancingOptions {
  /** Servers behind the balancer. Defaults to 10. */
  servers?: number;
  /** Utilisations (arrival rate over total capacity) to simulate. Defaults to 0.5, 0.7, 0.8, 0.9, 0.95. */
  utilizations?: readonly number[];
  /** Policies to compare. Defaults to all four. */
  policies?: readonly BalancingPolicy[];
  /** Mean service time, ms (exponential). Defaults to 10. */
  serviceMs?: number;
  /** Requests per point. Defaults to 50,000. */
  requests?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * N FIFO servers behind a load balancer: round robin, random, least loaded (join the shortest
 * queue, by outstanding work known to the balancer) and power of two choices (Mitzenmacher: the
 * less loaded of two random servers). Every policy sees the same arrivals and service times.
 * One row per (policy, utilisation): mean and p99 response time.
 */
export function loadBalancing({
  servers = 10,
  utilizations = [0.5, 0.7, 0.8, 0.9, 0.95],
  policies = BALANCING_POLICIES,
  serviceMs = 10,
  requests = 50_000,
  seed = 1,
}: LoadBalancingOptions = {}): Table {
  checkInteger("servers", servers, 1, 10_000);
  checkNonEmptyArray("utilizations", utilizations).forEach((u, i) => checkNumber(`utilizations[${i}]`, u, { min: 0, max: 1, minOpen: true, maxOpen: true }));
  checkNonEmptyArray("policies", policies).forEach((p, i) => checkOneOf(`policies[${i}]`, p, BALANCING_POLICIES));
  checkPositive("serviceMs", serviceMs);
  checkInteger("requests", requests, 10);
  checkSeed(seed);
  const rows = [];
  for (const [point, utilization] of utilizations.entries()) {
    const rng = createRng((seed + 7919 * point) >>> 0);
    const gaps = exponential(rng, (utilization * servers) / serviceMs);
    const services = exponential(rng, 1 / serviceMs);
    const arrivals = new Float64Array(requests);
    const work = new Float64Array(requests);
    for (let i = 0, t = 0; i < requests; i++) {
      arrivals[i] = t += gaps();
      work[i] = services();
    }
    for (const policy of policies) {
      const response = simulatePolicy(policy, servers, arrivals, work, createRng((seed + 104729 * point) >>> 0));
      const [p50, p99] = quantiles(response, [0.5, 0.99]);
      rows.push({ policy, utilization, servers, mean_ms: response.reduce((a, b) => a + b, 0) / requests, p50_ms: p50, p99_ms: p99 });
    }
  }
  return tableFromRows(rows);
}

function simulatePolicy(policy: BalancingPolicy, servers: number, arrivals: Float64Array, work: Float64Array, rng: Rng): Float64Array {
  // Each server is FIFO, so it is fully described by the time it becomes free.
  const freeAt = new Float64Array(servers);
  const response = new Float64Array(arrivals.length);
  for (let i = 0; i < arrivals.length; i++) {
    const now = arrivals[i];
    let pick: number;
    if (policy === "round-robin") pick = i % servers;
    else if (policy === "random") pick = rng.int(servers);
    else if (policy === "least-loaded") {
      pick = 0;
      for (let s = 1; s < servers; s++) if (freeAt[s] < freeAt[pick]) pick = s;
    } else {
      const a = rng.int(servers);
      const b = rng.int(servers);
      pick = freeAt[a] <= freeAt[b] ? a : b;
    }
    const start = Math.max(now, freeAt[pick]);
    freeAt[pick] = start + work[i];
    response[i] = freeAt[pick] - now;
  }
  return response;
}
