import { checkInteger, checkNonNegative, checkProbability } from "../validate";

/** Parameters of a request over a lossy network, retried after a timeout. */
export interface RetryOptions {
  /** Probability that a request message is lost. Defaults to 0.1. */
  requestLoss?: number;
  /** Probability that a reply message is lost. Defaults to 0.1. */
  replyLoss?: number;
  /** Retries after the first attempt, an integer ≥ 0. Defaults to 3. */
  retries?: number;
  /** Round-trip time when nothing is lost, ms. Defaults to 50. */
  rttMs?: number;
  /** Client timeout before a retry, ms. Defaults to 200. */
  timeoutMs?: number;
}

/** Closed-form outcome of one request retried over a lossy network. */
export interface RetryClosedForm {
  /** Probability that the client gets a reply within the retry budget. */
  success: number;
  /** Expected attempts (messages the client sends). */
  attempts: number;
  /** Expected executions at the server (attempts whose request arrived). */
  executions: number;
  /** Expected executions beyond the first: duplicates caused by lost replies. */
  duplicates: number;
  /** Expected latency of a successful request, ms: the attempts that timed out plus one round trip. */
  meanLatencyMs: number;
}

/**
 * Closed forms for at-least-once retries with no duplicate detection at the server. An attempt
 * fails with l = 1 - (1 - requestLoss)(1 - replyLoss), so P(success) = 1 - l^(retries+1);
 * expected attempts Σ_{i=0..retries} l^i; every attempt whose request arrives executes, so
 * expected executions = (1 - requestLoss)·attempts, and duplicates = executions - P(≥ 1
 * execution) with P(no execution) = requestLoss^(retries+1). A success on attempt i (from 0)
 * takes i·timeoutMs + rttMs.
 */
export function retryClosedForm({ requestLoss = 0.1, replyLoss = 0.1, retries = 3, rttMs = 50, timeoutMs = 200 }: RetryOptions = {}): RetryClosedForm {
  checkProbability("requestLoss", requestLoss);
  checkProbability("replyLoss", replyLoss);
  checkInteger("retries", retries, 0, 1000);
  checkNonNegative("rttMs", rttMs);
  checkNonNegative("timeoutMs", timeoutMs);
  const fail = 1 - (1 - requestLoss) * (1 - replyLoss);
  let attempts = 0;
  let weightedAttempt = 0;
  for (let i = 0; i <= retries; i++) {
    attempts += fail ** i;
    weightedAttempt += i * fail ** i * (1 - fail);
  }
  const success = 1 - fail ** (retries + 1);
  const executions = (1 - requestLoss) * attempts;
  return {
    success,
    attempts,
    executions,
    duplicates: executions - (1 - requestLoss ** (retries + 1)),
    meanLatencyMs: success > 0 ? rttMs + (timeoutMs * weightedAttempt) / success : NaN,
  };
}
