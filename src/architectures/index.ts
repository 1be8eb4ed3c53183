export type { ClientServerOptions } from "./single-server";
export { clientServer, mm1ResponseTime } from "./single-server";
export type { BalancingPolicy, LoadBalancingOptions } from "./load-balancer";
export { BALANCING_POLICIES, loadBalancing } from "./load-balancer";
export type { TierLatency } from "./multi-tier";
export { THREE_TIERS, multiTierLatency } from "./multi-tier";
