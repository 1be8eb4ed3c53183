import type * as zmq from "zeromq";

/** Sends frames on one socket, in order; `backlog()` is the number of bytes not yet handed to the socket. */
export interface SocketSender {
  (frames: Buffer[]): void;
  backlog(): number;
  /** Resolves once every message handed over so far has been sent (or has failed). */
  settled(): Promise<void>;
}

/**
 * Sends on a zeromq socket one message at a time: zeromq 6 rejects a send while another is
 * pending on the same socket, and callers here do not wait for each other. A send that fails
 * (a timeout on a socket that refuses to drop) is reported through `log`, never silently lost.
 */
export function createSocketSender(socket: zmq.Writable, log: (text: string) => void = (text) => process.stderr.write(text)): SocketSender {
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const send = ((frames: Buffer[]) => {
    const size = frames.reduce((sum, f) => sum + f.length, 0);
    pending += size;
    const once = () => socket.send(frames);
    chain = chain
      .then(once, once)
      .catch((error: unknown) => log(`dslab kernel: send failed: ${String(error)}\n`))
      .finally(() => {
        pending -= size;
      });
  }) as SocketSender;
  send.backlog = () => pending;
  send.settled = () => chain;
  return send;
}
