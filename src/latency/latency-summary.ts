import { quantiles } from "../stats";

/** Mean and tail of a set of latencies, in milliseconds. */
export interface LatencySummary {
  mean_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  p999_ms: number;
}

/** Summarises latencies in milliseconds. */
export function summarizeLatencies(latencies: ArrayLike<number>): LatencySummary {
  let sum = 0;
  for (let i = 0; i < latencies.length; i++) sum += latencies[i];
  const [p50, p95, p99, p999] = quantiles(latencies, [0.5, 0.95, 0.99, 0.999]);
  return { mean_ms: sum / latencies.length, p50_ms: p50, p95_ms: p95, p99_ms: p99, p999_ms: p999 };
}
