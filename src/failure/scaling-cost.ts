import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNumber, checkPositive } from "../validate";

/** Options for scalingCost. */
export interface ScalingCostOptions {
  /** Largest capacity to price, in units of one commodity machine. Defaults to 64. */
  maxCapacity?: number;
  /** Price of one commodity machine. Defaults to 1 (prices are relative). */
  unitPrice?: number;
  /** Exponent of the scale-up price curve, price = unitPrice · capacity^exponent (> 1: each step up costs more). Defaults to 2. */
  exponent?: number;
  /** Extra cost per machine of running many (network, coordination, operations), as a fraction of unitPrice. Defaults to 0.1. */
  overhead?: number;
}

/**
 * Scale up vs scale out (course notes 001: raising one machine's capacity has a cost that
 * grows faster than linearly; aggregating cheap machines grows linearly plus an overhead).
 * A stylised model, not a price list: one row per capacity with both costs.
 */
export function scalingCost({ maxCapacity = 64, unitPrice = 1, exponent = 2, overhead = 0.1 }: ScalingCostOptions = {}): Table {
  checkInteger("maxCapacity", maxCapacity, 1);
  checkPositive("unitPrice", unitPrice);
  checkNumber("exponent", exponent, { min: 1, max: 4 });
  checkNumber("overhead", overhead, { min: 0, max: 10 });
  const rows = [];
  for (let capacity = 1; capacity <= maxCapacity; capacity *= 2) {
    rows.push({ capacity, scale_up: unitPrice * Math.pow(capacity, exponent), scale_out: unitPrice * capacity * (1 + overhead * (capacity > 1 ? 1 : 0)) });
  }
  return tableFromRows(rows);
}
