export { claim } from "./claim";
export type { Claim, ClaimRule } from "./claim";
export { checkClaims, ClaimError } from "./check-claims";
