import { createHash } from "node:crypto";

/**
 * ts.sys.createHash as TypeScript defines it where node:crypto loads (SHA-256, hex): the kernel
 * started from its snapshot puts it back (start-from-snapshot.ts), and the build hashes the
 * pre-parsed files' texts with it ahead of time (record-declarations.ts).
 */
export function textHash(data: string): string {
  return createHash("sha256").update(data).digest("hex");
}
