import { describe, expect, it } from "vitest";
import { stateMachineReplication } from "../../../src/consistency";

type Row = { replica: string; step: number; command: string; x: number };
const final = (order: "log" | "arrival", seed: number) =>
  (stateMachineReplication({ order, seed, commands: 20 }).objects() as Row[]).filter((r) => r.step === 20).map((r) => r.x);

describe("stateMachineReplication({ replicas, commands, order, seed })", () => {
  it("brings replicas applying one ordered log through the same states", () => {
    const rows = stateMachineReplication({ seed: 4 }).objects() as Row[];
    for (let step = 1; step <= 12; step++) expect(new Set(rows.filter((r) => r.step === step).map((r) => r.x)).size).toBe(1);
  });

  it("lets replicas applying commands in their own arrival order diverge (non-commuting double and add 3)", () => {
    let diverged = 0;
    for (let seed = 1; seed <= 20; seed++) if (new Set(final("arrival", seed)).size > 1) diverged++;
    expect(diverged).toBeGreaterThan(15);
    for (let seed = 1; seed <= 20; seed++) expect(new Set(final("log", seed)).size).toBe(1);
  });
});
