export type { BitField, FloatEncoding } from "./bit-fields";
export { decodeIeee754Single, ieee754Double, ieee754Single } from "./ieee754";
export { IBM_SINGLE_MAX, IBM_SINGLE_MIN, decodeIbmSingle, ibmSingle } from "./ibm-hex-float";
export { compareFloatFormats } from "./access-transparency";
