import { createHmac, timingSafeEqual } from "node:crypto";

/** Signs and verifies the four JSON frames of a message with the connection file's key. */
export interface Signer {
  sign(frames: readonly Buffer[]): string;
  verify(signature: string, frames: readonly Buffer[]): boolean;
}

/**
 * A signer for `signature_scheme` "hmac-<digest>" (e.g. hmac-sha256). An empty key disables
 * signing: the signature is "" and every message verifies, as the protocol specifies.
 */
export function createSigner(key: string, scheme = "hmac-sha256"): Signer {
  const match = /^hmac-([a-z0-9-]+)$/i.exec(scheme);
  if (!match) throw new RangeError(`invalid signature_scheme: ${JSON.stringify(scheme)} (expected "hmac-<digest>", e.g. "hmac-sha256")`);
  const digest = match[1].toLowerCase();
  const sign = (frames: readonly Buffer[]): string => {
    if (key === "") return "";
    const hmac = createHmac(digest, key);
    for (const frame of frames) hmac.update(frame);
    return hmac.digest("hex");
  };
  // Fail at construction, not on the first message, if the digest is unknown.
  if (key !== "") sign([]);
  return {
    sign,
    verify(signature, frames) {
      if (key === "") return true;
      const expected = Buffer.from(sign(frames), "utf8");
      const received = Buffer.from(signature, "utf8");
      return expected.length === received.length && timingSafeEqual(expected, received);
    },
  };
}
