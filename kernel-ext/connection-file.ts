import { readFileSync } from "node:fs";

/** The contents of a Jupyter connection file (https://jupyter-client.readthedocs.io/en/stable/kernels.html). */
export interface ConnectionInfo {
  transport: "tcp" | "ipc";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
  kernel_name?: string;
}

/** The five channels of a kernel. */
export type Channel = "shell" | "iopub" | "stdin" | "control" | "hb";

/** Reads and checks a connection file; throws an Error naming the file and the bad field. */
export function readConnectionFile(path: string): ConnectionInfo {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`cannot read connection file ${path}: ${(error as Error).message}`);
  }
  const info = value as Partial<ConnectionInfo>;
  for (const port of ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"] as const) {
    if (!Number.isInteger(info[port])) throw new Error(`connection file ${path}: invalid ${port}: ${JSON.stringify(info[port])}`);
  }
  return {
    transport: info.transport === "ipc" ? "ipc" : "tcp",
    ip: info.ip ?? "127.0.0.1",
    key: info.key ?? "",
    signature_scheme: info.signature_scheme ?? "hmac-sha256",
    ...info,
  } as ConnectionInfo;
}

/** The ZMQ endpoint of a channel, e.g. tcp://127.0.0.1:5555 (ipc uses "<ip>-<port>" as the path). */
export function channelUrl(info: ConnectionInfo, channel: Channel): string {
  const port = info[`${channel}_port`];
  return info.transport === "ipc" ? `ipc://${info.ip}-${port}` : `tcp://${info.ip}:${port}`;
}
