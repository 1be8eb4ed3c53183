export type { JupyterMessage, MessageHeader } from "./message";
export { PROTOCOL_VERSION } from "./message";
export type { Signer } from "./signer";
export { createSigner } from "./signer";
export { WireError, decodeMessage, encodeMessage } from "./codec";
export type { NewMessageOptions } from "./new-message";
export { newHeader, newMessage } from "./new-message";
export { createReplayGuard, type ReplayGuard } from "./replay-guard";
