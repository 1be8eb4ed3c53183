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

const rows: string[] = ["| N | build (s) | naive build (s) | build ratio | lookups/s | naive lookups/s | lookup ratio |", "|---|---|---|---|---|---|---|"];
for (const exponent of [12, 16, 20]) {
  const n = 2 ** exponent;
  const bits = Math.max(exponent, 20);
  const [ring, build] = time(() => chord.randomRing({ bits, n, seed: 1 }));
  const rng = createRng(2);
  const lookups = 1_000_000;
  const from = Uint32Array.from({ length: lookups }, () => rng.int(n));
  const keys = Float64Array.from({ length: lookups }, () => rng.int(ring.size));
  let sink = 0;
  const [, lookupTime] = time(() => {
    for (let i = 0; i < lookups; i++) sink += chord.lookupHops(ring, from[i], keys[i]);
  });
  // The naive baseline is quadratic to build: measure it only where it finishes in seconds.
  let naiveBuild = NaN;
  let naiveRate = NaN;
  if (exponent <= 12) {
    const [nodes, t] = time(() => naiveRing(bits, Array.from(ring.ids)));
    naiveBuild = t;
    const sample = 20_000;
    const [, nt] = time(() => {
      for (let i = 0; i < sample; i++) sink += naiveLookupHops(nodes, ring.size, nodes[from[i]], keys[i]);
    });
    naiveRate = sample / nt;
  }
  const rate = lookups / lookupTime;
  rows.push(`| 2^${exponent} | ${build.toFixed(3)} | ${naiveBuild.toFixed(3)} | ${(naiveBuild / build).toFixed(0)}x | ${Math.round(rate).toLocaleString("en")} | ${Math.round(naiveRate).toLocaleString("en")} | ${(rate / naiveRate).toFixed(0)}x |`);
  if (sink < 0) console.log(sink);
}
console.log(rows.join("\n"));
console.log("\nNaive baseline (node objects, linear-search successor, finger arrays of objects) is measured at 2^12 only: its build is quadratic.");
