import { invalidRange, invalidType } from "../validate";
import { lowerBound, type Ring } from "./ring";

/**
 * Hops of many lookups at once: hops[i] = lookup(ring, from[i], keys[i]).hops, for the
 * experiments that route millions of queries (path length vs N, the benchmarks).
 *
 * The route is Chord's (find_successor with closest_preceding_finger), computed without the
 * stored finger table, for two reasons measured at N = 2^20 (see bench/chord.bench.ts):
 *
 * - The closest preceding finger needs no scan. Let p be the key's predecessor (the node just
 *   before successor(key)) and d = (p - n) mod 2^m its distance from the current node n.
 *   finger[k] = successor(n + 2^(k-1)) lies in (n, key) exactly when n + 2^(k-1) is at or
 *   before p: then p itself is a node at or after the start, and otherwise the first node at
 *   or after the start is successor(key) or beyond. The scan from k = m down therefore stops
 *   at k - 1 = floor(log2 d), one count-leading-zeros.
 * - That finger, successor(n + 2^floor(log2 d)), is found in the sorted ids through the
 *   bucket index (8 MB at 2^20) rather than read from the finger rows (80 MB at 2^20). Hops
 *   land on random rows, and 80 MB of 4 KiB pages misses the TLB on nearly every hop; 8 MB
 *   stays within its reach and in the L3 cache.
 *
 * Lookups advance in lockstep, a chunk at a time, one hop per round; each round first
 * gathers the bucket bounds and then the ids its searches will read, in separate passes
 * whose loads are independent, so the processor overlaps their cache misses instead of
 * waiting for one hop before starting the next.
 */
export function lookupHopsMany(ring: Ring, from: ArrayLike<number>, keys: ArrayLike<number>): Uint8Array {
  const count = checkLength("from", from);
  if (checkLength("keys", keys) !== count) throw invalidRange("keys.length", keys.length, `${count}, the length of from`);
  const hops = new Uint8Array(count);
  const router = new Router(ring, Math.min(CHUNK, count));
  for (let start = 0; start < count; start += CHUNK) router.route(from, keys, start, Math.min(count, start + CHUNK), hops);
  return hops;
}

/** Lookups per round: enough independent misses to overlap; their state stays in L1/L2. */
const CHUNK = 1024;

function checkLength(name: string, values: ArrayLike<number>): number {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") throw invalidType(name, values, "an array of numbers");
  return values.length;
}

/** 2^k for k = 0..32, read from a table: `2 ** k` with a variable k is a slow call in V8. */
const POW2 = Float64Array.from({ length: 33 }, (_, k) => 2 ** k);

/** The state of a chunk of lookups in flight, kept in typed arrays reused across chunks. */
class Router {
  private readonly ids: Uint32Array;
  private readonly buckets: Uint32Array;
  private readonly size: number;
  /** Ids are m-bit integers: arithmetic mod 2^m is `& mask` (then `>>> 0` for m = 32). */
  private readonly mask: number;
  /** Bucket of id x: x >>> shift (buckets are 2^shift ids wide). */
  private readonly shift: number;
  // Per lookup in flight: output position, current node's id, key's predecessor (index and
  // id), hops (messages to reach the current node, plus the last one, to the owner), and the
  // next search: target id and bucket bounds [lo, hi].
  private readonly slot: Int32Array;
  private readonly currentId: Uint32Array;
  private readonly predecessor: Int32Array;
  private readonly predecessorId: Uint32Array;
  private readonly hops: Int32Array;
  private readonly target: Uint32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly sourceLo: Int32Array;
  private readonly sourceHi: Int32Array;
  /** The XOR of the gathered ids: their loads exist to pull cache lines in early. */
  gathered = 0;

  constructor(ring: Ring, capacity: number) {
    this.ids = ring.ids;
    this.buckets = ring.buckets;
    this.size = ring.size;
    this.mask = (ring.size - 1) | 0;
    this.shift = Math.log2(ring.size / (ring.buckets.length - 1));
    this.slot = new Int32Array(capacity);
    this.currentId = new Uint32Array(capacity);
    this.predecessor = new Int32Array(capacity);
    this.predecessorId = new Uint32Array(capacity);
    this.hops = new Int32Array(capacity);
    this.target = new Uint32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.sourceLo = new Int32Array(capacity);
    this.sourceHi = new Int32Array(capacity);
  }

  /** Routes lookups start..end-1, writing their hops into out. */
  route(from: ArrayLike<number>, keys: ArrayLike<number>, start: number, end: number, out: Uint8Array): void {
    const { ids, buckets, size, shift, lo, hi, sourceLo, sourceHi } = this;
    const n = ids.length;
    // Check every argument, then find the key's owner and the source's index, each a search
    // in one bucket; the searches' ids are gathered first so their misses overlap.
    let sink = 0;
    for (let i = start; i < end; i++) {
      const j = i - start;
      const key = keys[i];
      if (!(Number.isInteger(key) && key >= 0 && key < size)) throw invalidRange(`keys[${i}]`, key, `an integer in [0, ${size - 1}]`);
      const source = from[i];
      if (!(Number.isInteger(source) && source >= 0 && source < size)) throw invalidRange(`from[${i}]`, source, "the id of a node of the ring");
      const b = key >>> shift;
      lo[j] = buckets[b];
      hi[j] = buckets[b + 1];
      const c = source >>> shift;
      sourceLo[j] = buckets[c];
      sourceHi[j] = buckets[c + 1];
    }
    for (let j = 0; j < end - start; j++) sink ^= ids[lo[j]] ^ ids[sourceLo[j]];
    let active = 0;
    for (let i = start; i < end; i++) {
      const j = i - start;
      const source = lowerBound(ids, from[i], sourceLo[j], sourceHi[j]);
      if (source === n || ids[source] !== from[i]) throw invalidRange(`from[${i}]`, from[i], "the id of a node of the ring");
      let owner = lowerBound(ids, keys[i], lo[j], hi[j]);
      if (owner === n) owner = 0;
      const predecessor = owner === 0 ? n - 1 : owner - 1;
      if (source === owner) out[i] = 0;
      else if (source === predecessor) out[i] = 1;
      else {
        this.slot[active] = i;
        this.currentId[active] = ids[source];
        this.predecessor[active] = predecessor;
        this.predecessorId[active] = ids[predecessor];
        this.hops[active] = 1;
        active++;
      }
    }
    while (active > 0) {
      this.aim(active);
      for (let j = 0; j < active; j++) sink ^= ids[lo[j]];
      active = this.hop(active, out);
    }
    // Stored where the compiler cannot prove it unread, so the gathering loads are not removed.
    this.gathered = sink;
  }

  /** For each lookup in flight: the start of its closest preceding finger, and that start's bucket bounds. */
  private aim(active: number): void {
    const { buckets, mask, shift, currentId, predecessorId, target, lo, hi } = this;
    for (let j = 0; j < active; j++) {
      const id = currentId[j];
      const distance = ((predecessorId[j] - id) & mask) >>> 0;
      const start = ((id + POW2[31 - Math.clz32(distance)]) & mask) >>> 0;
      target[j] = start;
      const b = start >>> shift;
      lo[j] = buckets[b];
      hi[j] = buckets[b + 1];
    }
  }

  /** Moves each lookup to its finger; records and drops those whose next hop reaches the owner. Returns how many remain. */
  private hop(active: number, out: Uint8Array): number {
    const { ids, slot, currentId, predecessor, predecessorId, hops, target, lo, hi } = this;
    const n = ids.length;
    let kept = 0;
    for (let j = 0; j < active; j++) {
      // Buckets hold about one id: a linear scan beats a binary search here.
      const t = target[j];
      const end = hi[j];
      let next = lo[j];
      while (next < end && ids[next] < t) next++;
      if (next === n) next = 0;
      const h = hops[j] + 1;
      // At the key's predecessor the lookup ends: its successor, one message on, is the owner.
      if (next === predecessor[j]) {
        out[slot[j]] = h;
        continue;
      }
      slot[kept] = slot[j];
      currentId[kept] = ids[next];
      predecessor[kept] = predecessor[j];
      predecessorId[kept] = predecessorId[j];
      hops[kept] = h;
      kept++;
    }
    return kept;
  }
}
