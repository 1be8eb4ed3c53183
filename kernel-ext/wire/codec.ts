import type { JupyterMessage, MessageHeader } from "./message";
import type { Signer } from "./signer";

const DELIMITER = Buffer.from("<IDS|MSG>", "utf8");

/** Why a multipart message was rejected. */
export class WireError extends Error {
  override name = "WireError";
}

/** Serialises a message to ZMQ frames: identities, delimiter, HMAC, four JSON frames, buffers. */
export function encodeMessage(message: JupyterMessage<unknown>, signer: Signer): Buffer[] {
  const json = [message.header, message.parent_header, message.metadata, message.content].map((part) => Buffer.from(JSON.stringify(part), "utf8"));
  return [...message.identities, DELIMITER, Buffer.from(signer.sign(json), "utf8"), ...json, ...message.buffers];
}

/**
 * Parses ZMQ frames into a message, checking the HMAC before parsing any JSON.
 * Throws WireError for a missing delimiter, too few frames, a bad signature or invalid JSON.
 */
export function decodeMessage(frames: readonly Buffer[], signer: Signer): JupyterMessage {
  const at = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (at < 0) throw new WireError("no <IDS|MSG> delimiter");
  if (frames.length < at + 6) throw new WireError(`expected at least ${at + 6} frames, got ${frames.length}`);
  const signature = frames[at + 1].toString("utf8");
  const json = frames.slice(at + 2, at + 6);
  if (!signer.verify(signature, json)) throw new WireError("invalid signature");
  const [header, parent, metadata, content] = json.map((frame, i) => parseObject(frame, PART_NAMES[i]));
  if (typeof header.msg_type !== "string" || typeof header.msg_id !== "string") {
    throw new WireError("header lacks msg_id or msg_type");
  }
  return {
    identities: frames.slice(0, at),
    header: header as unknown as MessageHeader,
    parent_header: parent as JupyterMessage["parent_header"],
    metadata,
    content,
    buffers: frames.slice(at + 6),
  };
}

const PART_NAMES = ["header", "parent_header", "metadata", "content"];

function parseObject(frame: Buffer, part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(frame.toString("utf8"));
  } catch {
    throw new WireError(`${part} is not valid JSON`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new WireError(`${part} is not a JSON object`);
  return value as Record<string, unknown>;
}
