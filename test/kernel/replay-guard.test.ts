import { describe, expect, it } from "vitest";
import { createReplayGuard, createSigner, encodeMessage, newMessage } from "../../kernel-ext/wire";

const frames = (code: string) => encodeMessage(newMessage("execute_request", "s", { code }), createSigner("key"));

describe("createReplayGuard", () => {
  it("refuses a signature it has seen, and forgets the oldest beyond its size", () => {
    const guard = createReplayGuard(2);
    const [a, b, c] = [frames("a"), frames("b"), frames("c")];
    guard.check(a);
    expect(() => guard.check(a)).toThrow(/duplicate signature/);
    guard.check(b);
    guard.check(c);
    // a was forgotten (size 2): it passes again; b and c are still remembered.
    expect(() => guard.check(a)).not.toThrow();
    expect(() => guard.check(c)).toThrow(/duplicate signature/);
  });

  it("lets unsigned messages pass (an empty key signs nothing)", () => {
    const guard = createReplayGuard();
    const unsigned = encodeMessage(newMessage("execute_request", "s", {}), createSigner(""));
    guard.check(unsigned);
    expect(() => guard.check(unsigned)).not.toThrow();
  });
});
