import { describe, expect, it } from "vitest";
import { communication } from "../../src";

type Row = {
  semantics: string;
  executions_per_request: number;
  executions_closed_form: number;
  duplicated_fraction: number;
  lost_fraction: number;
  lost_closed_form: number;
  counter_total: number;
  expected_total: number;
  idempotent_keys_correct: number;
};

describe("deliverySemantics(options)", () => {
  const rows = communication.deliverySemantics({ requests: 50_000, requestLoss: 0.1, replyLoss: 0.1, crash: 0.05, retries: 5, seed: 3 }).objects() as Row[];
  const row = (s: string) => rows.find((r) => r.semantics === s)!;
  it("loses about a fraction l_req of requests at most once and never executes one twice", () => {
    expect(Math.abs(row("at-most-once").lost_fraction - 0.1)).toBeLessThan(0.005);
    expect(row("at-most-once").duplicated_fraction).toBe(0);
  });
  it("executes requests at least once as often as the closed form says (within 1%), so a counter overshoots", () => {
    const r = row("at-least-once");
    expect(Math.abs(r.executions_per_request / r.executions_closed_form - 1)).toBeLessThan(0.01);
    expect(r.counter_total).toBeGreaterThan(r.expected_total);
    expect(r.idempotent_keys_correct).toBeGreaterThan(0.9999);
  });
  it("executes each request exactly once with a table stored with the effect, but not with one lost at a crash", () => {
    expect(row("exactly-once").duplicated_fraction).toBe(0);
    expect(row("exactly-once").counter_total).toBe(50_000 * (1 - row("exactly-once").lost_fraction));
    expect(row("exactly-once (table in memory)").duplicated_fraction).toBeGreaterThan(0);
    expect(row("exactly-once (table in memory)").duplicated_fraction).toBeLessThan(row("at-least-once").duplicated_fraction);
  });
  it("gives every semantics the same draws: with no loss and no crash all four execute each request once", () => {
    const clean = communication.deliverySemantics({ requestLoss: 0, replyLoss: 0, crash: 0, requests: 100 }).objects() as Row[];
    for (const r of clean) expect([r.executions_per_request, r.counter_total]).toEqual([1, 100]);
  });
});

describe("rpcVsQueue(options)", () => {
  const { summary } = communication.rpcVsQueue({ seed: 2 });
  const [rpc, queue] = summary.objects() as Record<string, number>[];
  it("fails the RPC calls made while the consumer is down and completes every queued message", () => {
    expect(rpc.failed).toBeGreaterThan(0.5 * 50 * 2); // at least half of the ~100 calls of the 2 s outage
    expect(queue.failed).toBe(0);
    expect(queue.completed).toBe(queue.requests);
    expect(rpc.completed + rpc.failed).toBe(rpc.requests);
  });
  it("makes the queue's producer wait one round trip while its messages wait out the outage", () => {
    expect(queue.producer_wait_ms).toBe(2);
    expect(queue.max_backlog).toBeGreaterThan(80);
    expect(queue.p99_latency_ms).toBeGreaterThan(1000);
  });
  it("under a consumer slower than the producer, wastes RPC work on calls whose callers gave up", () => {
    const [slowRpc, slowQueue] = communication.rpcVsQueue({ serviceMs: 25, downtimeMs: 0 }).summary.objects() as Record<string, number>[];
    expect(slowRpc.wasted_work).toBeGreaterThan(0);
    expect(slowRpc.completed).toBeLessThan(slowQueue.completed / 2);
  });
});
