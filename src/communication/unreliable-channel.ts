import { createRng, exponential } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkPositive, checkProbability, checkSeed } from "../validate";

/** Options for unreliableChannel. */
export interface UnreliableChannelOptions {
  /** Datagrams sent. Defaults to 10,000. */
  packets?: number;
  /** Probability a datagram is lost. Defaults to 0.05. */
  loss?: number;
  /** Probability a delivered datagram is delivered twice. Defaults to 0.01. */
  duplication?: number;
  /** Time between sends, ms. Defaults to 1. */
  intervalMs?: number;
  /** Fixed part of the one-way delay, ms. Defaults to 20. */
  baseDelayMs?: number;
  /** Mean of the exponential jitter added to each copy's delay, ms. Defaults to 2. */
  jitterMs?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** One delivered copy of a datagram, in arrival order. */
export interface Delivery {
  /** Sequence number given by the sender. */
  seq: number;
  /** Arrival time, ms. */
  at: number;
}

/** Delivers datagrams over a UDP-like channel: each is lost, delivered once or twice, each copy after its own delay. */
export function unreliableDeliveries({
  packets = 10_000,
  loss = 0.05,
  duplication = 0.01,
  intervalMs = 1,
  baseDelayMs = 20,
  jitterMs = 2,
  seed = 1,
}: UnreliableChannelOptions = {}): Delivery[] {
  checkInteger("packets", packets, 2, 10_000_000);
  checkProbability("loss", loss);
  checkProbability("duplication", duplication);
  checkPositive("intervalMs", intervalMs);
  checkNonNegative("baseDelayMs", baseDelayMs);
  checkPositive("jitterMs", jitterMs);
  checkSeed(seed);
  const rng = createRng(seed);
  const jitter = exponential(rng, 1 / jitterMs);
  const out: Delivery[] = [];
  for (let seq = 0; seq < packets; seq++) {
    if (rng.random() < loss) continue;
    const copies = rng.random() < duplication ? 2 : 1;
    for (let c = 0; c < copies; c++) out.push({ seq, at: seq * intervalMs + baseDelayMs + jitter() });
  }
  return out.sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/**
 * What a UDP-like channel does to a stream (notes 003, "TCP vs UDP"): the fractions of datagrams
 * lost, duplicated, and overtaken by the next one, beside their closed forms. With exponential
 * jitter of mean J and a send every Δ, datagram i + 1 overtakes datagram i with probability
 * ½·e^(−Δ/J) (the difference of two exponential delays is Laplace).
 */
export function unreliableChannel(options: UnreliableChannelOptions = {}): Table {
  const { packets = 10_000, loss = 0.05, duplication = 0.01, intervalMs = 1, jitterMs = 2 } = options;
  const deliveries = unreliableDeliveries(options);
  const copies = new Uint8Array(packets);
  const firstArrival = new Float64Array(packets).fill(NaN);
  for (const d of deliveries) {
    copies[d.seq]++;
    if (Number.isNaN(firstArrival[d.seq])) firstArrival[d.seq] = d.at;
  }
  let lost = 0;
  let duplicated = 0;
  let pairs = 0;
  let overtaken = 0;
  for (let seq = 0; seq < packets; seq++) {
    if (copies[seq] === 0) lost++;
    if (copies[seq] > 1) duplicated++;
    if (seq + 1 < packets && copies[seq] > 0 && copies[seq + 1] > 0) {
      pairs++;
      if (firstArrival[seq + 1] < firstArrival[seq]) overtaken++;
    }
  }
  const delivered = packets - lost;
  return tableFromRows([
    { effect: "lost", rate: lost / packets, closed_form: loss },
    { effect: "duplicated", rate: duplicated / delivered, closed_form: duplication },
    { effect: "overtaken by the next", rate: overtaken / pairs, closed_form: 0.5 * Math.exp(-intervalMs / jitterMs) },
  ]);
}
