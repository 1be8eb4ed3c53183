import { createRng } from "../random";
import { checkInteger, checkNumber, checkOneOf, checkPositive, checkSeed } from "../validate";

/** Where the losses fall: independently at random, or exactly one every 1/p segments (Mathis' derivation). */
export const LOSS_PATTERNS = ["random", "periodic"] as const;
export type LossPattern = (typeof LOSS_PATTERNS)[number];

/** Options for reliableChannel. */
export interface ReliableChannelOptions {
  /** Probability each segment is lost on the unreliable channel underneath. Defaults to 0.01. */
  loss?: number;
  /** "random" (each segment lost with probability p) or "periodic" (one in every round(1/p) segments). Defaults to "random". */
  pattern?: LossPattern;
  /** Round-trip time, ms. Defaults to 100. */
  rttMs?: number;
  /** Maximum segment size, bytes. Defaults to 1,460. */
  mss?: number;
  /** Largest window (the receiver's window), segments. Defaults to 10,000. */
  maxWindow?: number;
  /** Round trips simulated. Defaults to 20,000. */
  rounds?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** What the reliable channel achieved. */
export interface ReliableChannelResult {
  /** Segments delivered to the application, in order, each exactly once. */
  delivered: number;
  /** Segments sent, retransmissions included. */
  sent: number;
  /** Goodput: bytes delivered per second. */
  goodputBytesPerSecond: number;
  /** Mathis et al.'s throughput (MSS/RTT)·C/√p with C = √(3/2) ≈ 1.22, bytes per second. */
  mathisBytesPerSecond: number;
  /** The constant C the run measured: goodput·RTT·√p / MSS. */
  measuredC: number;
  /** Segments retransmitted. */
  retransmitted: number;
  /** Segments buffered at the receiver at the end, waiting for a gap to fill. */
  buffered: number;
}

/** The constant of the Mathis et al. (CCR 1997) square-root law for periodic loss without delayed ACKs, √(3/2). */
export const MATHIS_C = Math.sqrt(1.5);

/**
 * A reliable channel over a lossy one, TCP-like, in rounds of one RTT (the model of Mathis, Semke,
 * Mahdavi & Ott, CCR 27(3), 1997): the sender keeps a sliding window of W segments in flight;
 * lost segments are retransmitted first in the next round (selective repeat); the receiver buffers
 * out-of-order segments and delivers in order. Congestion avoidance: W grows by one segment per
 * loss-free round and halves after a round with a loss (fast retransmit, no timeouts). With periodic
 * loss the window is a sawtooth between W/2 and W and the goodput is (MSS/RTT)·√(3/(2p)): C = 1.22.
 */
export function reliableChannel({
  loss = 0.01,
  pattern = "random",
  rttMs = 100,
  mss = 1460,
  maxWindow = 10_000,
  rounds = 20_000,
  seed = 1,
}: ReliableChannelOptions = {}): ReliableChannelResult {
  checkNumber("loss", loss, { min: 0, minOpen: true, max: 0.5 });
  checkOneOf("pattern", pattern, LOSS_PATTERNS);
  checkPositive("rttMs", rttMs);
  checkInteger("mss", mss, 1, 1 << 20);
  checkInteger("maxWindow", maxWindow, 1, 1_000_000);
  checkInteger("rounds", rounds, 1, 10_000_000);
  checkSeed(seed);
  const rng = createRng(seed);
  let window = 1;
  let nextNew = 0;
  let sent = 0;
  let retransmitted = 0;
  const period = Math.round(1 / loss);
  // Sequence numbers sent and lost, not yet retransmitted successfully, in increasing order. The
  // receiver holds every other segment below nextNew, so it has delivered, in order, everything
  // below the oldest missing one: no per-segment buffer is needed to know what it delivered.
  let missing: number[] = [];
  const lose = () => {
    sent++;
    return pattern === "random" ? rng.random32() < loss : sent % period === 0;
  };
  for (let round = 0; round < rounds; round++) {
    // This round's segments: retransmissions first, then new ones, W in all.
    const resent = missing.slice(0, window);
    const stillMissing = missing.slice(window);
    retransmitted += resent.length;
    let lostAny = false;
    for (const seq of resent) {
      if (lose()) {
        lostAny = true;
        stillMissing.push(seq);
      }
    }
    for (let i = resent.length; i < window; i++) {
      const seq = nextNew++;
      if (lose()) {
        lostAny = true;
        stillMissing.push(seq);
      }
    }
    missing = stillMissing.sort((a, b) => a - b);
    window = lostAny ? Math.max(1, Math.floor(window / 2)) : Math.min(maxWindow, window + 1);
  }
  const delivered = missing.length > 0 ? missing[0] : nextNew;
  const buffered = nextNew - delivered - missing.length;
  const seconds = (rounds * rttMs) / 1000;
  const goodput = (delivered * mss) / seconds;
  const mathis = ((mss / (rttMs / 1000)) * MATHIS_C) / Math.sqrt(loss);
  return {
    delivered,
    sent,
    goodputBytesPerSecond: goodput,
    mathisBytesPerSecond: mathis,
    measuredC: (goodput * (rttMs / 1000) * Math.sqrt(loss)) / mss,
    retransmitted,
    buffered,
  };
}
