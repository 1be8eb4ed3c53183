import { tableFromRows, type Table } from "../table";
import { checkNonEmptyArray } from "../validate";
import { reliableChannel, type ReliableChannelOptions } from "./reliable-channel";

/** Options for sweepReliableChannel: those of reliableChannel, with the losses swept. */
export interface SweepReliableChannelOptions extends Omit<ReliableChannelOptions, "loss"> {
  /** Loss probabilities swept. Defaults to 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1. */
  losses?: readonly number[];
}

/** Goodput of the reliable channel vs loss, one row per loss with Mathis' law beside it (Mbit/s) and the measured C. */
export function sweepReliableChannel({ losses = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1], ...options }: SweepReliableChannelOptions = {}): Table {
  checkNonEmptyArray("losses", losses);
  return tableFromRows(
    losses.map((loss) => {
      const r = reliableChannel({ ...options, loss });
      return {
        loss,
        goodput_mbps: (8 * r.goodputBytesPerSecond) / 1e6,
        mathis_mbps: (8 * r.mathisBytesPerSecond) / 1e6,
        measured_c: r.measuredC,
        retransmitted_fraction: r.retransmitted / r.sent,
      };
    }),
  );
}
