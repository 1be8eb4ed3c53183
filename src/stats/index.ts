export { quantile, quantiles } from "./quantile";
export { proportionInterval, meanInterval, zForLevel } from "./confidence";
export type { Estimate } from "./confidence";
export { mean } from "./summary";
