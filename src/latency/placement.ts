import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkPositive } from "../validate";

/** A place on Earth, in degrees. */
export interface Site {
  name: string;
  lat: number;
  lon: number;
}

/** Cities where the clients are (and candidate replica sites): a spread over the continents. */
export const WORLD_CITIES: readonly Site[] = [
  { name: "São Paulo", lat: -23.55, lon: -46.63 },
  { name: "New York", lat: 40.71, lon: -74.01 },
  { name: "San Francisco", lat: 37.77, lon: -122.42 },
  { name: "Mexico City", lat: 19.43, lon: -99.13 },
  { name: "London", lat: 51.51, lon: -0.13 },
  { name: "Frankfurt", lat: 50.11, lon: 8.68 },
  { name: "Lagos", lat: 6.52, lon: 3.38 },
  { name: "Johannesburg", lat: -26.2, lon: 28.05 },
  { name: "Mumbai", lat: 19.08, lon: 72.88 },
  { name: "Singapore", lat: 1.35, lon: 103.82 },
  { name: "Tokyo", lat: 35.68, lon: 139.69 },
  { name: "Sydney", lat: -33.87, lon: 151.21 },
];

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Site, b: Site): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Options for rttMs. */
export interface RttOptions {
  /** Signal speed in fibre, km per millisecond (about 2/3 of c). Defaults to 200. */
  kmPerMs?: number;
  /** Routes are longer than great circles: distance multiplier. Defaults to 1.5. */
  routeFactor?: number;
  /** Fixed cost per round trip (last mile, switching), ms. Defaults to 2. */
  overheadMs?: number;
}

/**
 * Round-trip time between two sites: twice the routed distance over the speed of light in fibre
 * (refractive index ≈ 1.5, so ≈ 2/3 c ≈ 200 km/ms), plus a fixed overhead. With the defaults,
 * São Paulo–Tokyo (≈ 18,500 km) comes out near 280 ms.
 */
export function rttMs(a: Site, b: Site, { kmPerMs = 200, routeFactor = 1.5, overheadMs = 2 }: RttOptions = {}): number {
  checkPositive("kmPerMs", kmPerMs);
  checkPositive("routeFactor", routeFactor);
  checkNonNegative("overheadMs", overheadMs);
  return (2 * distanceKm(a, b) * routeFactor) / kmPerMs + overheadMs;
}

/** Options for replicaPlacement. */
export interface ReplicaPlacementOptions {
  /** Largest number of replicas placed, at most the number of candidates. Defaults to 6. */
  maxReplicas?: number;
  /** Where the clients are, one per site. Defaults to WORLD_CITIES. */
  clients?: readonly Site[];
  /** Sites where a replica may be placed. Defaults to WORLD_CITIES. */
  candidates?: readonly Site[];
}

/**
 * Data placed near clients: replicas are added one at a time at the candidate site that most
 * reduces the clients' mean RTT to their nearest replica (greedy placement). One row per
 * number of replicas with the mean, worst RTT and the chosen sites.
 */
export function replicaPlacement({
  maxReplicas = 6,
  clients = WORLD_CITIES,
  candidates = WORLD_CITIES,
  ...rtt
}: ReplicaPlacementOptions & RttOptions = {}): Table {
  checkNonEmptyArray("clients", clients);
  checkNonEmptyArray("candidates", candidates);
  checkInteger("maxReplicas", maxReplicas, 1, candidates.length);
  const matrix = clients.map((c) => candidates.map((s) => rttMs(c, s, rtt)));
  const chosen: number[] = [];
  const best = clients.map(() => Infinity);
  const rows = [];
  for (let r = 1; r <= maxReplicas; r++) {
    let pick = -1;
    let pickMean = Infinity;
    candidates.forEach((_, s) => {
      if (chosen.includes(s)) return;
      const mean = clients.reduce((sum, _c, i) => sum + Math.min(best[i], matrix[i][s]), 0) / clients.length;
      if (mean < pickMean) [pick, pickMean] = [s, mean];
    });
    chosen.push(pick);
    clients.forEach((_, i) => (best[i] = Math.min(best[i], matrix[i][pick])));
    rows.push({ replicas: r, mean_rtt_ms: pickMean, max_rtt_ms: Math.max(...best), sites: chosen.map((s) => candidates[s].name).join(", ") });
  }
  return tableFromRows(rows);
}
