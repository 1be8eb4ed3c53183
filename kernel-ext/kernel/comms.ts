import { randomUUID } from "node:crypto";
import type { Comm, CommMessage, JSONObject, OpenCommOptions } from "../api";

/** What the comm registry needs from the kernel: a way to send iopub comm messages. */
export interface CommSender {
  send(msgType: "comm_open" | "comm_msg" | "comm_close", content: Record<string, unknown>, options: { buffers?: Uint8Array[]; metadata?: JSONObject }): void;
  /** Reports a handler that threw; the kernel goes on. */
  report(error: unknown, where: string): void;
}

type OpenHandler = (comm: Comm, openMsg: CommMessage) => void;

/** Comm targets and open comms of one kernel, both directions (Jupyter messaging, "Custom messages"). */
export class CommRegistry {
  private readonly targets = new Map<string, OpenHandler>();
  private readonly comms = new Map<string, KernelComm>();

  constructor(private readonly sender: CommSender) {}

  registerTarget(targetName: string, handler: OpenHandler): () => void {
    this.targets.set(targetName, handler);
    return () => {
      if (this.targets.get(targetName) === handler) this.targets.delete(targetName);
    };
  }

  /** Opens a comm from the kernel side. */
  open(targetName: string, options: OpenCommOptions = {}): Comm {
    const comm = new KernelComm(options.commId ?? randomUUID().replace(/-/g, ""), targetName, this);
    this.comms.set(comm.commId, comm);
    this.sender.send(
      "comm_open",
      { comm_id: comm.commId, target_name: targetName, data: options.data ?? {} },
      { buffers: options.buffers, metadata: options.metadata },
    );
    return comm;
  }

  /** A comm_open from the front end: runs the target's handler, or closes the comm if there is none. */
  handleOpen(content: { comm_id?: unknown; target_name?: unknown; data?: unknown }, message: CommMessage): void | Promise<void> {
    const commId = String(content.comm_id ?? "");
    const targetName = String(content.target_name ?? "");
    const handler = this.targets.get(targetName);
    if (!commId) return;
    if (!handler) {
      // As ipykernel does: tell the front end there is no such target.
      this.sender.send("comm_close", { comm_id: commId, data: {} }, {});
      return;
    }
    const comm = new KernelComm(commId, targetName, this);
    this.comms.set(commId, comm);
    // As ipykernel: a target that fails to open its comm closes it (the front end is told) and is reported.
    const failed = (error: unknown) => {
      this.sender.report(error, `comm target ${targetName} (the comm was closed)`);
      comm.close();
    };
    try {
      const result = handler(comm, message) as unknown;
      if (result && typeof (result as Promise<unknown>).then === "function") return void (result as Promise<unknown>).then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  }

  handleMsg(content: { comm_id?: unknown }, message: CommMessage): void | Promise<void> {
    const comm = this.comms.get(String(content.comm_id));
    return comm?.deliver(message);
  }

  handleClose(content: { comm_id?: unknown }, message: CommMessage): void {
    const comm = this.comms.get(String(content.comm_id));
    if (!comm) return;
    this.comms.delete(comm.commId);
    comm.closedByPeer(message);
  }

  /** comm_info_reply content: open comms, filtered by target name if one is given. */
  info(targetName?: string): { [id: string]: { target_name: string } } {
    const out: { [id: string]: { target_name: string } } = {};
    for (const comm of this.comms.values()) if (!targetName || comm.targetName === targetName) out[comm.commId] = { target_name: comm.targetName };
    return out;
  }

  /** @internal */
  sendFrom(comm: KernelComm, msgType: "comm_msg" | "comm_close", data: JSONObject, options: { buffers?: Uint8Array[]; metadata?: JSONObject }): void {
    if (msgType === "comm_close") this.comms.delete(comm.commId);
    this.sender.send(msgType, { comm_id: comm.commId, data }, options);
  }

  /** Runs a handler, reporting (not propagating) what it throws, sync or async. */
  guard(fn: () => unknown, where: string): void | Promise<void> {
    try {
      const result = fn();
      if (result && typeof (result as Promise<unknown>).then === "function") {
        return (result as Promise<unknown>).then(
          () => undefined,
          (error) => this.sender.report(error, where),
        );
      }
    } catch (error) {
      this.sender.report(error, where);
    }
  }
}

class KernelComm implements Comm {
  private msgHandlers: ((msg: CommMessage) => void | Promise<void>)[] = [];
  private closeHandlers: ((msg: CommMessage) => void)[] = [];
  private isClosed = false;

  constructor(
    readonly commId: string,
    readonly targetName: string,
    private readonly registry: CommRegistry,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  send(data: JSONObject, options: { buffers?: Uint8Array[]; metadata?: JSONObject } = {}): void {
    if (this.isClosed) throw new Error(`comm ${this.commId} (${this.targetName}) is closed`);
    this.registry.sendFrom(this, "comm_msg", data, options);
  }

  close(data: JSONObject = {}): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.registry.sendFrom(this, "comm_close", data, {});
  }

  onMsg(handler: (msg: CommMessage) => void | Promise<void>): void {
    this.msgHandlers.push(handler);
  }

  onClose(handler: (msg: CommMessage) => void): void {
    this.closeHandlers.push(handler);
  }

  /** @internal */
  async deliver(message: CommMessage): Promise<void> {
    for (const handler of this.msgHandlers) await this.registry.guard(() => handler(message), `comm ${this.commId} (${this.targetName}) message handler`);
  }

  /** @internal */
  closedByPeer(message: CommMessage): void {
    this.isClosed = true;
    for (const handler of this.closeHandlers) this.registry.guard(() => handler(message), `comm ${this.commId} close handler`);
  }
}
