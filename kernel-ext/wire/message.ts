/**
 * Jupyter messaging protocol 5.3 message shapes, with the wire's snake_case keys.
 * See https://jupyter-client.readthedocs.io/en/stable/messaging.html ("The Wire Protocol").
 */

/** The header of a Jupyter message. */
export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

/** A decoded Jupyter message. Content and metadata are JSON objects; buffers are raw frames. */
export interface JupyterMessage<C = Record<string, unknown>> {
  /** ZMQ routing identities that preceded the delimiter (ROUTER sockets need them to reply). */
  identities: Buffer[];
  header: MessageHeader;
  /** The header of the request this message answers, or {} for none. */
  parent_header: MessageHeader | Record<string, never>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
}

/** The protocol version dslab speaks. */
export const PROTOCOL_VERSION = "5.3";
