import { randomUUID } from "node:crypto";
import { PROTOCOL_VERSION, type JupyterMessage, type MessageHeader } from "./message";

/** A fresh header for a message of the given type. */
export function newHeader(msgType: string, session: string, username = "dslab"): MessageHeader {
  return {
    msg_id: randomUUID(),
    msg_type: msgType,
    session,
    username,
    date: new Date().toISOString(),
    version: PROTOCOL_VERSION,
  };
}

/** Options for newMessage. */
export interface NewMessageOptions {
  /** The request this message answers; its header becomes parent_header and its identities are reused. */
  parent?: JupyterMessage<unknown>;
  metadata?: Record<string, unknown>;
  buffers?: Buffer[];
  /** Routing identities (e.g. the iopub topic). Defaults to the parent's identities, or none. */
  identities?: Buffer[];
  username?: string;
}

/** Builds a message of the given type and content, in reply to `options.parent` if given. */
export function newMessage<C>(msgType: string, session: string, content: C, options: NewMessageOptions = {}): JupyterMessage<C> {
  const { parent, metadata = {}, buffers = [], username } = options;
  return {
    identities: options.identities ?? parent?.identities ?? [],
    header: newHeader(msgType, session, username),
    parent_header: parent ? parent.header : {},
    metadata,
    content,
    buffers,
  };
}
