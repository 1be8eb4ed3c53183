export { createRng } from "./rng";
export type { Rng } from "./rng";
export { uniform, exponential, normal, lognormal, lognormalFromQuantiles, pareto, bernoulli, zipf, zipfCdf } from "./distributions";
export type { Sampler } from "./distributions";
