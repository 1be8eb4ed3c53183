// Chord: ring build (with finger tables) and lookups per second, typed arrays vs a naive
// baseline of node objects with linear-search successors, measured side by side in one run.
import { chord } from "../src";
import { createRng } from "../src/random";

interface NaiveNode {
  id: number;
  fingers: NaiveNode[];
}

function naiveRing(bits: number, ids: number[]): NaiveNode[] {
  const size = 2 ** bits;
  const nodes: NaiveNode[] = ids.map((id) => ({ id, fingers: [] }));
  const successor = (id: number) => nodes.find((n) => n.id >= id) ?? nodes[0];
  for (const node of nodes) for (let k = 0; k < bits; k++) node.fingers.push(successor((node.id + 2 ** k) % size));
  return nodes;
}

function naiveLookupHops(nodes: NaiveNode[], size: number, from: NaiveNode, key: number): number {
  const between = (x: number, a: number, b: number) => (a < b ? a < x && x < b : x > a || x < b);
  const owner = nodes.find((n) => n.id >= key) ?? nodes[0];
  if (owner === from) return 0;
  let node = from;
  let hops = 1;
  while (node.fingers[0] !== owner) {
    const next = [...node.fingers].reverse().find((f) => between(f.id, node.id, key));
    node = next ?? node.fingers[0];
    hops++;
  }
  void size;
  return hops;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, (performance.now() - start) / 1000];
}

/** Naive lookup with no finger tables at all: each hop finds fingers by linear search, top down. */
function naiveLazyLookupHops(nodes: NaiveNode[], size: number, bits: number, from: NaiveNode, key: number): number {
  const between = (x: number, a: number, b: number) => (a < b ? a < x && x < b : x > a || x < b);
  const successor = (id: number) => nodes.find((n) => n.id >= id) ?? nodes[0];
  const owner = successor(key);
  if (owner === from) return 0;
  let node = from;
  let hops = 1;
  for (;;) {
    const next = nodes[(nodes.indexOf(node) + 1) % nodes.length];
    if (next === owner) return hops;
    let jump = next;
    for (let k = bits - 1; k >= 0; k--) {
      const f = successor((node.id + 2 ** k) % size);
      if (between(f.id, node.id, key)) {
        jump = f;
        break;
      }
    }
    node = jump;
    hops++;
  }
}

const rows: string[] = [
  "| N | build (s) | naive build (s) | build ratio | lookups/s (lookupHopsMany) | lookup() calls/s | naive lookups/s | lookup ratio |",
  "|---|---|---|---|---|---|---|---|",
];
for (const exponent of [12, 16, 20]) {
  const n = 2 ** exponent;
  const bits = Math.max(exponent, 20);
  const [ring, build] = time(() => chord.randomRing({ bits, n, seed: 1 }));
  const rng = createRng(2);
  const lookups = 1_000_000;
  const from = Uint32Array.from({ length: lookups }, () => rng.int(n));
  const keys = Float64Array.from({ length: lookups }, () => rng.int(ring.size));
  const fromIds = from.map((i) => ring.ids[i]);
  let sink = 0;
  const [, lookupTime] = time(() => {
    const hops = chord.lookupHopsMany(ring, fromIds, keys);
    sink += hops[hops.length - 1];
  });
  // One lookup() per call, path included: what a notebook cell pays for a single query.
  const calls = 200_000;
  const [, callTime] = time(() => {
    for (let i = 0; i < calls; i++) sink += chord.lookup(ring, fromIds[i], keys[i]).hops;
  });
  // The naive build is quadratic: at 2^12 it is built whole; above, the fingers of 256 nodes are
  // timed and scaled to N (marked ~). Naive lookups without tables are timed on a sample.
  let naiveBuild: number;
  let naiveRate: number;
  const ids = Array.from(ring.ids);
  if (exponent <= 12) {
    const [nodes, t] = time(() => naiveRing(bits, ids));
    naiveBuild = t;
    const sample = 20_000;
    const [, nt] = time(() => {
      for (let i = 0; i < sample; i++) sink += naiveLookupHops(nodes, ring.size, nodes[from[i]], keys[i]);
    });
    naiveRate = sample / nt;
  } else {
    const nodes: NaiveNode[] = ids.map((id) => ({ id, fingers: [] }));
    const successor = (id: number) => nodes.find((x) => x.id >= id) ?? nodes[0];
    const [, t] = time(() => {
      for (let i = 0; i < 256; i++) for (let k = 0; k < bits; k++) nodes[i].fingers.push(successor((nodes[i].id + 2 ** k) % ring.size));
    });
    naiveBuild = (t * n) / 256;
    const sample = exponent <= 16 ? 200 : 10;
    const [, nt] = time(() => {
      for (let i = 0; i < sample; i++) sink += naiveLazyLookupHops(nodes, ring.size, bits, nodes[from[i]], keys[i]);
    });
    naiveRate = sample / nt;
  }
  const rate = lookups / lookupTime;
  const approx = exponent <= 12 ? "" : "~";
  rows.push(
    `| 2^${exponent} | ${build.toFixed(3)} | ${approx}${naiveBuild.toFixed(1)} | ${approx}${(naiveBuild / build).toFixed(0)}x | ${Math.round(rate).toLocaleString("en")} | ${Math.round(calls / callTime).toLocaleString("en")} | ${Math.round(naiveRate).toLocaleString("en")} | ${(rate / naiveRate).toFixed(0)}x |`,
  );
  if (sink < 0) console.log(sink);
}
console.log(rows.join("\n"));
console.log(
  "\nlookups/s routes 10^6 random lookups in one lookupHopsMany call (the experiments' path); lookup() calls/s is one call per lookup, building its path.",
);
console.log(
  "\nNaive baseline: node objects, linear-search successor, finger arrays of objects. At 2^12 it is built whole; at 2^16 and 2^20 its build is timed on 256 nodes and scaled to N (~), and its lookups compute fingers by linear search as they go (no tables), timed on a sample.",
);
