import type * as zmq from "zeromq";

/**
 * Sends on a zeromq socket one message at a time: zeromq 6 rejects a send while another is
 * pending on the same socket, and callers here do not wait for each other.
 */
export function createSocketSender(socket: zmq.Writable): (frames: Buffer[]) => void {
  let chain: Promise<void> = Promise.resolve();
  return (frames) => {
    chain = chain.then(
      () => socket.send(frames),
      () => socket.send(frames),
    ).catch((error: unknown) => {
      process.stderr.write(`dslab kernel: send failed: ${String(error)}\n`);
    });
  };
}
