import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import { createSigner, encodeMessage, newMessage } from "../../kernel-ext/wire";
import { kernelEnv } from "../helpers/jupyter";

let client: KernelClient;
const dir = mkdtempSync(join(tmpdir(), "dslab-fuzz-"));
const marker = join(dir, "ran");

beforeAll(async () => {
  client = await KernelClient.launch({ kernelName: "dslab", cwd: dir, env: kernelEnv() });
});
afterAll(async () => {
  await client?.dispose();
});

describe("the kernel under malformed input", () => {
  it("survives 1,200 malformed, truncated or wrongly signed messages, runs none of them, and still answers", async () => {
    // Every fuzz message carries code that would create the marker file if it ever ran.
    const code = `require("fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;
    const wrongKey = createSigner("not-the-key");
    const goodKey = createSigner(client.info.key, client.info.signature_scheme);
    const execute = () => newMessage("execute_request", "fuzz", { code, silent: false });
    const frames = (m: ReturnType<typeof execute>, signer = wrongKey) => encodeMessage(m, signer);
    const cases = fc.sample(
      fc.oneof(
        // Wrongly signed.
        fc.constant(null).map(() => frames(execute())),
        // Right key, then a byte of the signed JSON flipped.
        fc.nat(200).map((at) => {
          const f = frames(execute(), goodKey);
          const header = Buffer.from(f[2]);
          header[at % header.length] ^= 1;
          return [f[0], f[1], header, ...f.slice(3)];
        }),
        // Truncated: fewer frames than a message needs.
        fc.integer({ min: 0, max: 5 }).map((n) => frames(execute(), goodKey).slice(0, n)),
        // Random frames, with or without the delimiter.
        fc
          .array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 })
          .chain((random) => fc.boolean().map((withDelimiter) => [...(withDelimiter ? [Buffer.from("<IDS|MSG>")] : []), ...random.map((b) => Buffer.from(b))])),
        // Signed correctly but not JSON objects: the signature is valid, the content is garbage.
        fc.string().map((junk) => {
          const parts = [Buffer.from(junk), Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}")];
          return [Buffer.from("<IDS|MSG>"), Buffer.from(goodKey.sign(parts)), ...parts];
        }),
      ),
      { numRuns: 1200, seed: 42 },
    );
    for (const message of cases) client.sendRaw(message);
    const reply = await client.request("shell", "kernel_info_request", {}, { timeoutMs: 20_000 });
    expect(reply.header.msg_type).toBe("kernel_info_reply");
    expect((await executeCell(client, "40 + 2")).outputs[0]).toMatchObject({ data: { "text/plain": "42" } });
    expect(existsSync(marker)).toBe(false);
  });
});
