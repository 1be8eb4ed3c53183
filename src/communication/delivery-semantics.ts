import { createRng } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNumber, checkProbability, checkSeed } from "../validate";

/** The delivery guarantees compared: retries or not, and where the deduplication table lives. */
export const DELIVERY_SEMANTICS = ["at-most-once", "at-least-once", "exactly-once (table in memory)", "exactly-once"] as const;
export type DeliverySemantics = (typeof DELIVERY_SEMANTICS)[number];

/** Options for deliverySemantics. */
export interface DeliverySemanticsOptions {
  /** Requests, each with its own id. Defaults to 10,000. */
  requests?: number;
  /** Probability a request message is lost. Defaults to 0.1. */
  requestLoss?: number;
  /** Probability a reply message is lost. Defaults to 0.1. */
  replyLoss?: number;
  /** Probability the server crashes after executing a request and before replying (it restarts at once). Defaults to 0.05. */
  crash?: number;
  /** Retries after the first attempt for the semantics that retry. Defaults to 5. */
  retries?: number;
  /** Seed. Defaults to 1; every semantics sees the same random draws. */
  seed?: number;
}

/**
 * At-most-once, at-least-once and exactly-once delivery under message loss and server crashes.
 * At most once: one attempt, no retry. At least once: retry until a reply, up to `retries` times,
 * executing every request that arrives. Exactly once: the same retries, and a table of request ids
 * with their results at the server, so a duplicate is answered from the table instead of executed
 * again; "in memory" loses the table at a crash, the last one stores it with the effect (atomically).
 * Each request is an increment of a counter (not idempotent) and a write of its own key (idempotent):
 * one row per semantics with executions per request, duplicates, lost requests, the counter's final
 * value against the number of requests, and the keys written correctly; closed forms beside.
 */
export function deliverySemantics({
  requests = 10_000,
  requestLoss = 0.1,
  replyLoss = 0.1,
  crash = 0.05,
  retries = 5,
  seed = 1,
}: DeliverySemanticsOptions = {}): Table {
  checkInteger("requests", requests, 1, 10_000_000);
  checkProbability("requestLoss", requestLoss);
  checkProbability("replyLoss", replyLoss);
  checkNumber("crash", crash, { min: 0, max: 1, maxOpen: true });
  checkInteger("retries", retries, 0, 100);
  checkSeed(seed);
  const arrive = 1 - requestLoss;
  const answered = arrive * (1 - crash) * (1 - replyLoss);
  return tableFromRows(
    DELIVERY_SEMANTICS.map((semantics) => {
      const rng = createRng(seed);
      const attempts = semantics === "at-most-once" ? 1 : retries + 1;
      let counter = 0;
      let lost = 0;
      let duplicated = 0;
      let keysCorrect = 0;
      let executions = 0;
      for (let id = 0; id < requests; id++) {
        let executedHere = 0;
        let inTable = false;
        for (let attempt = 0; attempt < attempts; attempt++) {
          // Draw all three events every attempt, so the semantics differ only in what they do with them.
          const requestArrives = rng.random() >= requestLoss;
          const crashes = rng.random() < crash;
          const replyArrives = rng.random() >= replyLoss;
          if (!requestArrives) continue;
          const deduplicates = semantics === "exactly-once" || semantics === "exactly-once (table in memory)";
          if (!(deduplicates && inTable)) {
            executedHere++;
            inTable = true;
          }
          // A crash after executing loses a table kept in memory, not one stored with the effect.
          if (crashes && semantics === "exactly-once (table in memory)") inTable = false;
          if (!crashes && replyArrives) break;
        }
        executions += executedHere;
        counter += executedHere;
        if (executedHere === 0) lost++;
        else keysCorrect++;
        if (executedHere > 1) duplicated++;
      }
      // Closed forms: each attempt is answered with probability a = (1−l_req)(1−c)(1−l_rep), so the
      // attempts made are min(T, R+1) with T geometric: E = (1 − (1−a)^(R+1)) / a; each executes with
      // probability 1 − l_req. The request is lost if all R+1 attempts are.
      const expectedAttempts = (1 - Math.pow(1 - answered, attempts)) / answered;
      const lostClosed = Math.pow(requestLoss, attempts);
      const executionsClosed = semantics === "at-most-once" || semantics === "at-least-once" ? arrive * expectedAttempts : NaN;
      return {
        semantics,
        executions_per_request: executions / requests,
        executions_closed_form: semantics === "exactly-once" ? 1 - lostClosed : executionsClosed,
        duplicated_fraction: duplicated / requests,
        lost_fraction: lost / requests,
        lost_closed_form: lostClosed,
        counter_total: counter,
        expected_total: requests,
        idempotent_keys_correct: keysCorrect / requests,
      };
    }),
  );
}
