import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkPositive } from "../validate";

/** Options for distributionTime. */
export interface DistributionTimeOptions {
  /** Numbers of peers N that want the file, integers ≥ 1, one row each. Defaults to 1, 10, 100, 1,000, 10,000. */
  peers?: readonly number[];
  /** File size in megabits. Defaults to 8,000 (1 GB). */
  fileMb?: number;
  /** The server's upload rate u_s in megabits per second. Defaults to 1,000. */
  serverUpMbps?: number;
  /** Each peer's upload rate u in megabits per second. Defaults to 20. */
  peerUpMbps?: number;
  /** Each peer's download rate d in megabits per second. Defaults to 100. */
  peerDownMbps?: number;
}

/**
 * Minimum time to get one file to N peers (Kurose & Ross, Computer Networking, Sec. 2.5), the
 * reason hybrid systems such as BitTorrent use a central tracker only to introduce peers and let
 * the swarm carry the data: client/server needs max(N·F/u_s, F/d) since the server uploads every
 * copy; peer-to-peer max(F/u_s, F/d, N·F/(u_s + N·u)) since every peer that holds a piece
 * uploads it too. Closed forms (lower bounds both schemes can reach); one row per N.
 */
export function distributionTime({
  peers = [1, 10, 100, 1_000, 10_000],
  fileMb = 8_000,
  serverUpMbps = 1_000,
  peerUpMbps = 20,
  peerDownMbps = 100,
}: DistributionTimeOptions = {}): Table {
  checkNonEmptyArray<number>("peers", peers).forEach((n, i) => checkInteger(`peers[${i}]`, n, 1));
  checkPositive("fileMb", fileMb);
  checkPositive("serverUpMbps", serverUpMbps);
  checkPositive("peerUpMbps", peerUpMbps);
  checkPositive("peerDownMbps", peerDownMbps);
  return tableFromRows(
    peers.map((n) => ({
      peers: n,
      client_server_s: Math.max((n * fileMb) / serverUpMbps, fileMb / peerDownMbps),
      p2p_s: Math.max(fileMb / serverUpMbps, fileMb / peerDownMbps, (n * fileMb) / (serverUpMbps + n * peerUpMbps)),
    })),
  );
}
