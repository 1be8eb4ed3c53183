import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zmq from "zeromq";
import { channelUrl, type ConnectionInfo } from "../connection-file";
import { createSigner, decodeMessage, encodeMessage, newMessage, type JupyterMessage, type Signer } from "../wire";
import { kernelPorts } from "./kernel-ports";
import { findKernelSpec } from "./kernelspec-lookup";

/** Options for launchKernel. */
export interface LaunchOptions {
  /** Kernelspec name. Defaults to "dslab". */
  kernelName?: string;
  /** Working directory of the kernel. Defaults to the current one. */
  cwd?: string;
  /** Environment of the kernel process (and of the kernelspec lookup). Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The first lines of a kernel's stderr, for an error message. */
export function firstLines(text: string, what: string, count = 12): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return `${what}: (empty)`;
  const more = lines.length > count ? `\n  ... (${lines.length - count} more lines)` : "";
  return `${what}:\n${lines
    .slice(0, count)
    .map((line) => `  ${line}`)
    .join("\n")}${more}`;
}

/**
 * How soon a socket tries again to reach a port nothing listens on yet: ZeroMQ's default, 100 ms,
 * made a starting kernel look up to 100 ms slower than it is (its ports are bound in the last
 * moments of its start), and a restarted one was reached as late. A refused connection to a local
 * port costs microseconds.
 */
const RECONNECT_MS = 10;

/** A client of one kernel over ZMQ: shell, control and stdin DEALERs, an iopub SUB, a heartbeat REQ. */
export class KernelClient {
  readonly session = randomUUID();
  private readonly signer: Signer;
  // A bounded linger: a message queued for a dead kernel must not hold the process at exit
  // ("Waiting for queued ZeroMQ messages to be delivered").
  private readonly shell = new zmq.Dealer({ routingId: `shell-${randomUUID()}`, linger: 1000, reconnectInterval: RECONNECT_MS });
  private readonly control = new zmq.Dealer({ routingId: `control-${randomUUID()}`, linger: 1000, reconnectInterval: RECONNECT_MS });
  private readonly iopub = new zmq.Subscriber({ linger: 0, reconnectInterval: RECONNECT_MS });
  private readonly replies = new Map<string, (message: JupyterMessage) => void>();
  private readonly iopubListeners = new Set<(message: JupyterMessage) => void>();
  private sending: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** The kernel process, when this client launched it. */
  process?: ChildProcess;
  /** stderr of a launched kernel, for error reports. */
  stderr = "";
  private tempDir?: string;

  constructor(
    readonly info: ConnectionInfo,
    readonly interruptMode: "signal" | "message" = "signal",
  ) {
    this.signer = createSigner(info.key, info.signature_scheme);
  }

  /**
   * Starts a kernel from its kernelspec with a fresh connection file, connects, and waits until it
   * answers. A kernel that could not bind its ports (another process took one between the pick and
   * the bind) is started again on new ones, up to three times in all.
   */
  static async launch(options: LaunchOptions = {}, timeoutMs = 30_000): Promise<KernelClient> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await KernelClient.launchOnce(options, timeoutMs);
      } catch (error) {
        if (attempt >= 3 || !/Address already in use|EADDRINUSE/.test((error as Error).message)) throw error;
      }
    }
  }

  private static async launchOnce({ kernelName = "dslab", cwd = process.cwd(), env = process.env }: LaunchOptions, timeoutMs: number): Promise<KernelClient> {
    const spec = findKernelSpec(kernelName, env);
    const [shell_port, iopub_port, stdin_port, control_port, hb_port] = await kernelPorts(5);
    const info: ConnectionInfo = {
      transport: "tcp",
      ip: "127.0.0.1",
      shell_port,
      iopub_port,
      stdin_port,
      control_port,
      hb_port,
      key: randomBytes(16).toString("hex"),
      signature_scheme: "hmac-sha256",
      kernel_name: kernelName,
    };
    const tempDir = mkdtempSync(join(tmpdir(), "dslab-kernel-"));
    const connectionFile = join(tempDir, "kernel.json");
    writeFileSync(connectionFile, JSON.stringify(info));
    const argv = spec.argv.map((a) => a.replace("{connection_file}", connectionFile).replace("{resource_dir}", spec.resourceDir));
    // JPY_PARENT_PID, as Jupyter's launchers set it: the kernel exits if this process goes away.
    const child = spawn(argv[0], argv.slice(1), {
      cwd,
      env: { ...env, ...(spec.env ?? {}), JPY_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const client = new KernelClient(info, spec.interrupt_mode ?? "signal");
    client.process = child;
    client.tempDir = tempDir;
    launched.add(client);
    stopKernelsOnExit();
    child.stdout?.on("data", () => undefined);
    child.stderr?.on("data", (chunk: Buffer) => {
      client.stderr += chunk.toString();
      if (client.stderr.length > 100_000) client.stderr = client.stderr.slice(-50_000);
    });
    // A kernel that dies as it starts fails the launch at once, not at the heartbeat's timeout.
    const died = new Promise<never>((_, reject) => {
      child.once("close", (code, signal) =>
        reject(new Error(`the kernel process ${signal ? `was killed by ${signal}` : `exited with code ${code}`} as it started`)),
      );
      child.once("error", (error) => reject(new Error(`the kernel process did not start: ${error.message}`)));
    });
    died.catch(() => undefined);
    client.connect();
    try {
      await Promise.race([client.waitForReady(timeoutMs), died]);
    } catch (error) {
      await client.dispose();
      throw new Error(`${(error as Error).message} (${argv.join(" ")})\n${firstLines(client.stderr, "its stderr")}`);
    }
    return client;
  }

  /** Connects the sockets and starts reading replies and iopub. */
  connect(): void {
    this.shell.connect(channelUrl(this.info, "shell"));
    this.control.connect(channelUrl(this.info, "control"));
    this.iopub.connect(channelUrl(this.info, "iopub"));
    this.iopub.subscribe();
    void this.read(this.shell);
    void this.read(this.control);
    void this.readIopub();
  }

  /** Waits for the heartbeat, then for a kernel_info_reply and an iopub message (the subscription is live). */
  async waitForReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let sawIopub = false;
    const seen = () => (sawIopub = true);
    this.iopubListeners.add(seen);
    try {
      await this.heartbeat(timeoutMs);
      // A SUB socket drops what is published before its subscription reaches the kernel:
      // ask again until an iopub status for our request shows the subscription works.
      while (!sawIopub) {
        if (Date.now() > deadline) throw new Error("kernel did not answer kernel_info_request in time");
        if (this.closed || this.processEnded()) throw new Error(`kernel exited (${this.process?.exitCode ?? this.process?.signalCode ?? "closed"})`);
        await this.request("shell", "kernel_info_request", {}, { timeoutMs: 2000 }).catch(() => undefined);
        if (!sawIopub) await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      this.iopubListeners.delete(seen);
    }
  }

  /**
   * Resolves with a description once the kernel is dead: its process (when this client launched
   * it) has exited, or its heartbeat has not answered `misses` times in a row, `intervalMs` apart.
   * The heartbeat is answered by the kernel's control thread, so a long cell does not count.
   */
  died({ intervalMs = 2000, misses = 5 }: { intervalMs?: number; misses?: number } = {}): { promise: Promise<string>; stop: () => void } {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      this.process?.removeListener("exit", onExit);
    };
    let onExit: (code: number | null, signal: NodeJS.Signals | null) => void = () => undefined;
    const promise = new Promise<string>((resolve) => {
      const child = this.process;
      const describe = (code: number | null, signal: NodeJS.Signals | null) =>
        signal ? `the kernel died (signal ${signal})` : `the kernel exited with code ${code}`;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return resolve(describe(child.exitCode, child.signalCode));
      onExit = (code, signal) => resolve(describe(code, signal));
      child?.once("exit", onExit);
      let missed = 0;
      const beat = async () => {
        if (stopped) return;
        const answered = await this.heartbeat(Math.min(intervalMs, 1000)).then(
          () => true,
          () => false,
        );
        missed = answered ? 0 : missed + 1;
        if (missed >= misses) return resolve(`the kernel's heartbeat did not answer ${misses} times in a row`);
        if (!stopped) timer = setTimeout(() => void beat(), intervalMs);
      };
      timer = setTimeout(() => void beat(), intervalMs);
    });
    return { promise, stop };
  }

  /** Pings the heartbeat channel until it echoes. */
  async heartbeat(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hb = new zmq.Request({ receiveTimeout: 1000, sendTimeout: 1000, linger: 0, reconnectInterval: RECONNECT_MS });
      hb.connect(channelUrl(this.info, "hb"));
      try {
        await hb.send("ping");
        await hb.receive();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error("kernel heartbeat did not answer in time");
        if (this.closed || this.processEnded()) throw new Error(`kernel exited (${this.process?.exitCode ?? this.process?.signalCode ?? "closed"})`);
      } finally {
        hb.close();
      }
    }
  }

  /** Whether the launched kernel process has ended, by an exit or a signal. */
  private processEnded(): boolean {
    return this.process !== undefined && (this.process.exitCode !== null || this.process.signalCode !== null);
  }

  /** Sends a request and resolves with its reply. */
  request(
    channel: "shell" | "control",
    msgType: string,
    content: Record<string, unknown>,
    options: { buffers?: Buffer[]; metadata?: Record<string, unknown>; timeoutMs?: number } = {},
  ): Promise<JupyterMessage> {
    return this.sendRequest(channel, msgType, content, options).reply;
  }

  /** Sends a request; returns its msg_id at once (to match iopub messages) and its reply as a promise. */
  sendRequest(
    channel: "shell" | "control",
    msgType: string,
    content: Record<string, unknown>,
    options: { buffers?: Buffer[]; metadata?: Record<string, unknown>; timeoutMs?: number } = {},
  ): { msgId: string; reply: Promise<JupyterMessage> } {
    const message = newMessage(msgType, this.session, content, { buffers: options.buffers ?? [], metadata: options.metadata ?? {}, username: "dslab-client" });
    const reply = new Promise<JupyterMessage>((resolve, reject) => {
      const timer = options.timeoutMs
        ? setTimeout(() => {
            this.replies.delete(message.header.msg_id);
            reject(new Error(`no reply to ${msgType} within ${options.timeoutMs} ms`));
          }, options.timeoutMs)
        : undefined;
      this.replies.set(message.header.msg_id, (m) => {
        if (timer) clearTimeout(timer);
        resolve(m);
      });
    });
    this.sendMessage(channel, message);
    return { msgId: message.header.msg_id, reply };
  }

  /** Sends a message with no reply expected (comm_msg, comm_open, comm_close). Returns its msg_id. */
  post(msgType: string, content: Record<string, unknown>, options: { buffers?: Buffer[]; metadata?: Record<string, unknown> } = {}): string {
    const message = newMessage(msgType, this.session, content, { buffers: options.buffers ?? [], metadata: options.metadata ?? {}, username: "dslab-client" });
    this.sendMessage("shell", message);
    return message.header.msg_id;
  }

  /** Sends raw frames on the shell socket (tests of malformed input). */
  sendRaw(frames: Buffer[]): void {
    this.sending = this.sending.then(() => this.shell.send(frames)).catch(() => undefined);
  }

  /** Calls fn for every iopub message until the returned function is called. */
  onIopub(fn: (message: JupyterMessage) => void): () => void {
    this.iopubListeners.add(fn);
    return () => this.iopubListeners.delete(fn);
  }

  /** Interrupts the running cell: SIGINT for interrupt_mode "signal", else an interrupt_request on control. */
  async interrupt(): Promise<void> {
    if (this.interruptMode === "signal" && this.process?.pid) this.process.kill("SIGINT");
    else await this.request("control", "interrupt_request", {}, { timeoutMs: 5000 });
  }

  /** Asks the kernel to shut down (optionally to restart), waits for it to exit, then closes the sockets. */
  async shutdown(restart = false): Promise<JupyterMessage | undefined> {
    let reply: JupyterMessage | undefined;
    const child = this.process;
    try {
      if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error("the kernel has exited");
      reply = await this.request("control", "shutdown_request", { restart }, { timeoutMs: 5000 });
    } catch {
      // A dead kernel cannot answer; kill it below.
    }
    await this.dispose();
    return reply;
  }

  /** Closes the sockets and, if this client launched the kernel, makes sure its process ends. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    launched.delete(this);
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      clearTimeout(timer);
    }
    for (const socket of [this.shell, this.control, this.iopub]) socket.close();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Ends the launched kernel at once and removes its connection file, synchronously (at exit, on a signal). */
  stopNow(): void {
    launched.delete(this);
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  private sendMessage(channel: "shell" | "control", message: JupyterMessage<unknown>): void {
    const frames = encodeMessage(message, this.signer);
    const socket = channel === "shell" ? this.shell : this.control;
    this.sending = this.sending.then(() => socket.send(frames)).catch(() => undefined);
  }

  private async read(socket: zmq.Dealer): Promise<void> {
    try {
      for await (const frames of socket) {
        try {
          const message = decodeMessage(frames, this.signer);
          const parentId = (message.parent_header as { msg_id?: string }).msg_id;
          const waiter = parentId ? this.replies.get(parentId) : undefined;
          if (waiter && parentId) {
            this.replies.delete(parentId);
            waiter(message);
          }
        } catch {
          // Not for us, or malformed: ignore.
        }
      }
    } catch {
      // Closed.
    }
  }

  private async readIopub(): Promise<void> {
    try {
      for await (const frames of this.iopub) {
        try {
          const message = decodeMessage(frames, this.signer);
          for (const listener of this.iopubListeners) listener(message);
        } catch {
          // Malformed: ignore.
        }
      }
    } catch {
      // Closed.
    }
  }
}

/** Kernels this process launched and has not disposed of. */
const launched = new Set<KernelClient>();
let exitHooks = false;

/**
 * However this process ends (normally, by an uncaught error, or by SIGINT, SIGTERM or SIGHUP), its
 * launched kernels end too and their connection files (which hold the key) are removed. A signal
 * is then raised again with its default action, so the process still ends as the signal says.
 */
function stopKernelsOnExit(): void {
  if (exitHooks) return;
  exitHooks = true;
  const stopAll = () => {
    for (const client of [...launched]) client.stopNow();
  };
  process.on("exit", stopAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      stopAll();
      // Other listeners (a command's own) decide; if this was the only one, end as the signal would.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}
