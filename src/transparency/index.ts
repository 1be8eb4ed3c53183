export type { BitField, FloatEncoding } from "./bit-fields";
export { decodeIeee754Single, ieee754Double, ieee754Single } from "./ieee754";
export { IBM_SINGLE_MAX, IBM_SINGLE_MIN, decodeIbmSingle, ibmSingle } from "./ibm-hex-float";
export { compareFloatFormats } from "./access-transparency";
export type { StaleReadsOptions } from "./stale-reads";
export { staleReads } from "./stale-reads";
export type { LostUpdatesOptions } from "./lost-updates";
export { lostUpdates } from "./lost-updates";
