import { checkProbability } from "../validate";
import type { Tier } from "./series-availability";

/** Options for seed000Infrastructure. */
export interface InfrastructureOptions {
  /** Probability that one instance of any tier is up, in [0, 1]. Defaults to 0.99 (about 3.65 days down a year per instance). */
  availability?: number;
}

/**
 * The example infrastructure of the course notes (seed 000, "Um novo modelo - Sistema
 * distribuído"): 2 CDN, 1 load balancer, 1 web application firewall, 10 front ends,
 * 5 API gateways, 5 back ends and 3 databases, every instance with the same availability and
 * each tier needing one live instance; pass it to seriesAvailability.
 */
export function seed000Infrastructure({ availability = 0.99 }: InfrastructureOptions = {}): Tier[] {
  checkProbability("availability", availability);
  return [
    { name: "CDN", replicas: 2, availability, required: 1 },
    { name: "load balancer", replicas: 1, availability, required: 1 },
    { name: "WAF", replicas: 1, availability, required: 1 },
    { name: "front end", replicas: 10, availability, required: 1 },
    { name: "API gateway", replicas: 5, availability, required: 1 },
    { name: "back end", replicas: 5, availability, required: 1 },
    { name: "database", replicas: 3, availability, required: 1 },
  ];
}
