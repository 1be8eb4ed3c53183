import { createRng } from "../../random";
import { tableFromRows, type Table } from "../../table";
import { checkInteger, checkOneOf, checkSeed } from "../../validate";

/** A deterministic command on one register: x := x * times + plus. */
export interface RegisterCommand {
  name: string;
  times: number;
  plus: number;
}

/** Options of {@link stateMachineReplication}. */
export interface StateMachineReplicationOptions {
  /** Replicas, an integer in [1, 10]. Defaults to 3. */
  replicas?: number;
  /** Commands clients send, an integer in [1, 200]. Defaults to 12. */
  commands?: number;
  /** "log": every replica applies the same ordered log (what consensus gives); "arrival": each applies commands in the order its network delivered them. Defaults to "log". */
  order?: "log" | "arrival";
  /** Seed of the commands and of the arrival orders, an integer in [0, 2^32 - 1]. Defaults to 1. */
  seed?: number;
}

/**
 * State machine replication (seed 001, "replicação de máquinas de estados"; Schneider, ACM Computing
 * Surveys 1990): deterministic replicas fed the same commands. Commands are "double" (x·2) and
 * "add 3" (x+3), which do not commute. With one ordered log every replica passes through the same
 * states; with each replica's own arrival order (each command reaches each replica after a random
 * delay) they diverge. One row per replica per command applied: replica, step, command, x.
 */
export function stateMachineReplication(options: StateMachineReplicationOptions = {}): Table {
  const { replicas = 3, commands = 12, order = "log", seed = 1 } = options;
  checkInteger("replicas", replicas, 1, 10);
  checkInteger("commands", commands, 1, 200);
  checkOneOf("order", order, ["log", "arrival"] as const);
  checkSeed(seed);
  const rng = createRng(seed);
  const kinds: RegisterCommand[] = [
    { name: "double", times: 2, plus: 0 },
    { name: "add 3", times: 1, plus: 3 },
  ];
  // Commands leave the clients 1 ms apart; each reaches each replica after 0-5 ms.
  const sent = Array.from({ length: commands }, (_, i) => ({ command: kinds[rng.int(2)], sentAt: i }));
  const rows: object[] = [];
  for (let r = 0; r < replicas; r++) {
    const arrivals = sent.map((c) => ({ ...c, at: c.sentAt + 5 * rng.random() }));
    const applied = order === "log" ? sent : [...arrivals].sort((a, b) => a.at - b.at);
    let x = 1;
    applied.forEach((c, step) => {
      x = x * c.command.times + c.command.plus;
      rows.push({ replica: `replica ${r + 1}`, step: step + 1, command: c.command.name, x });
    });
  }
  return tableFromRows(rows);
}
