export { LATENCY_PROFILES, PROFILE_NAMES, drawMixture, mixtureMean } from "./latency-profiles";
export type { LatencyMixture, LatencyProfile, ProfileName } from "./latency-profiles";
export { checkWarsOptions, stalenessWindows } from "./wars";
export type { WarsOptions } from "./wars";
export { consistentReadProbability, tVisibility } from "./t-visibility";
export type { ConsistentReadOptions, TVisibilityOptions } from "./t-visibility";
export { tVisibilityCurve } from "./t-visibility-curve";
export type { TVisibilityCurveOptions } from "./t-visibility-curve";
