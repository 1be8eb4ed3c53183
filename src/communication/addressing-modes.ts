import { createRng } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkSeed } from "../validate";

/** The four ways of addressing a message by number of receivers (notes 003, "Tipos de Comunicação por Destinatário"). */
export const ADDRESSING_MODES = ["unicast", "broadcast", "multicast", "anycast"] as const;
export type AddressingMode = (typeof ADDRESSING_MODES)[number];

/** Options for addressingModes. */
export interface AddressingModesOptions {
  /** Depth of the binary tree of routers; its 2^depth leaves are the hosts. Defaults to 6 (64 hosts). */
  depth?: number;
  /** Group sizes swept (members chosen at random among the other hosts). Defaults to 1, 2, 4, …, 2^depth − 1. */
  groupSizes?: readonly number[];
  /** Latency of one link, ms. Defaults to 0.25 (half of Dean's 500 µs data-centre round trip over a few hops). */
  hopMs?: number;
  /** Time for the sender to put one copy on its link, ms. Defaults to 0.1 (12.5 kB at 1 Gbit/s). */
  copyMs?: number;
  /** Random groups per size. Defaults to 100. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** P(none of g members, drawn without replacement from `pool` hosts, falls among `outside` of them) = C(pool − outside, g) / C(pool, g). */
function noneAmong(outside: number, pool: number, g: number): number {
  let p = 1;
  for (let i = 0; i < g; i++) {
    if (pool - outside - i <= 0) return 0;
    p *= (pool - outside - i) / (pool - i);
  }
  return p;
}

/**
 * Expected link transmissions for one message from a host to g random other hosts of a complete
 * binary tree with 2^depth leaves, by mode: unicast sends g copies along g paths; multicast one copy
 * per link of the union of those paths (each link counted once: the routers copy); broadcast floods
 * every link; anycast uses the path to the nearest member only.
 */
export function addressingLinksClosedForm(mode: AddressingMode, depth: number, g: number): number {
  const hosts = 2 ** depth;
  const others = hosts - 1;
  if (mode === "broadcast") return 2 * hosts - 2;
  if (mode === "unicast") {
    let mean = 0;
    for (let level = 1; level <= depth; level++) mean += (2 * level * 2 ** (level - 1)) / others;
    return g * mean;
  }
  if (mode === "anycast") {
    // Hops to the nearest member are 2·L, L the height of the lowest subtree around the sender holding one:
    // E[L] = Σ P(L > l), and L > l when none of the 2^l − 1 other hosts of the height-l subtree is a member.
    let meanLevel = 0;
    for (let level = 0; level < depth; level++) meanLevel += noneAmong(2 ** level - 1, others, g);
    return 2 * meanLevel;
  }
  let links = 0;
  for (let height = 0; height < depth; height++) {
    const size = 2 ** height;
    // The link above the sender's own subtree of this height: used if a member lies outside it.
    links += 1 - noneAmong(others - (size - 1), others, g);
    // Every other subtree of this height: its uplink is used if a member lies inside it.
    links += (hosts / size - 1) * (1 - noneAmong(size, others, g));
  }
  return links;
}

/**
 * Messages, link load and delivery time vs group size for the four addressing modes, on a complete
 * binary tree of routers with the hosts at its leaves and host 0 sending. One row per (mode, group
 * size): copies the sender transmits, link transmissions (simulated mean and closed form), the
 * largest number of copies on one link, hosts that must process the message, and the mean time
 * until the last member (for anycast: the one member reached) has it. Unicast sends the farthest
 * member's copy first.
 */
export function addressingModes({ depth = 6, groupSizes, hopMs = 0.25, copyMs = 0.1, trials = 100, seed = 1 }: AddressingModesOptions = {}): Table {
  checkInteger("depth", depth, 1, 16);
  const hosts = 2 ** depth;
  const sizes = groupSizes ?? Array.from({ length: depth + 1 }, (_, i) => Math.min(2 ** i, hosts - 1)).filter((g, i, a) => a.indexOf(g) === i);
  checkNonEmptyArray("groupSizes", sizes);
  for (const g of sizes) checkInteger("group size", g, 1, hosts - 1);
  checkNonNegative("hopMs", hopMs);
  checkNonNegative("copyMs", copyMs);
  checkInteger("trials", trials, 1, 100_000);
  checkSeed(seed);
  const rng = createRng(seed);
  // Heap numbering: root 1, host h is node hosts + h; the link above node v is named v.
  const sender = hosts;
  const pathLinks = (leaf: number): number[] => {
    const links: number[] = [];
    let a = sender;
    let b = leaf;
    while (a !== b) {
      links.push(a, b);
      a >>= 1;
      b >>= 1;
    }
    return links;
  };
  const rows = [];
  for (const g of sizes) {
    const sum = { unicast: [0, 0, 0], broadcast: [0, 0, 0], multicast: [0, 0, 0], anycast: [0, 0, 0] } as Record<AddressingMode, number[]>;
    const pool = Int32Array.from({ length: hosts - 1 }, (_, i) => i + 1);
    for (let t = 0; t < trials; t++) {
      // A random group: partial Fisher–Yates over the other hosts.
      for (let i = 0; i < g; i++) {
        const j = i + rng.int(hosts - 1 - i);
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      const paths = Array.from(pool.subarray(0, g), (h) => pathLinks(hosts + h));
      const hops = paths.map((p) => p.length).sort((a, b) => b - a);
      const union = new Set(paths.flat());
      const unicastDelivery = Math.max(...hops.map((h, i) => (i + 1) * copyMs + h * hopMs));
      const farthest = copyMs + hops[0] * hopMs;
      sum.unicast[0] += hops.reduce((a, b) => a + b, 0);
      sum.unicast[1] += unicastDelivery;
      sum.multicast[0] += union.size;
      sum.multicast[1] += farthest;
      sum.broadcast[0] += 2 * hosts - 2;
      sum.broadcast[1] += farthest;
      sum.anycast[0] += hops[hops.length - 1];
      sum.anycast[1] += copyMs + hops[hops.length - 1] * hopMs;
    }
    for (const mode of ADDRESSING_MODES) {
      rows.push({
        mode,
        group_size: g,
        copies_sent: mode === "unicast" ? g : 1,
        link_transmissions: sum[mode][0] / trials,
        link_transmissions_closed_form: addressingLinksClosedForm(mode, depth, g),
        max_link_load: mode === "unicast" ? g : 1,
        hosts_processing: mode === "broadcast" ? hosts - 1 : mode === "anycast" ? 1 : g,
        delivery_ms: sum[mode][1] / trials,
      });
    }
  }
  return tableFromRows(rows);
}
