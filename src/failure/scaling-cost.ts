import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNumber, checkPositive } from "../validate";

/** Options for scalingCost. */
export interface ScalingCostOptions {
  /** Largest capacity to price, in units of one commodity machine, an integer ≥ 1; rows double from 1 up to it. Defaults to 64. */
  maxCapacity?: number;
  /** Price of one commodity machine, > 0. Defaults to 1 (prices are relative). */
  unitPrice?: number;
  /** Exponent e of the scale-up price curve, price = unitPrice · capacity^e, in [1, 4] (e > 1: each step up costs more than the last). Defaults to 2. */
  exponent?: number;
  /** Extra cost of running more than one machine (network, coordination, operations), as a fraction of the machines' price, in [0, 10]. Defaults to 0.1. */
  overhead?: number;
}

/**
 * Scale up vs scale out, as a stylised model and not a price list. Course notes 001: making one
 * machine more capable "tem custo exponencial", while aggregating commodity machines grows with
 * their number. Scale up buys one machine of the given capacity at unitPrice · capacity^exponent;
 * scale out buys `capacity` commodity machines at unitPrice each, plus `overhead` of that once
 * there is more than one. It leaves out what the chapter adds next: that scale out also buys
 * fault tolerance, and pays for it in failures to handle. One row per capacity (1, 2, 4, ...),
 * columns capacity, machines, scale_up, scale_out, ratio (scale_up / scale_out).
 */
export function scalingCost({ maxCapacity = 64, unitPrice = 1, exponent = 2, overhead = 0.1 }: ScalingCostOptions = {}): Table {
  checkInteger("maxCapacity", maxCapacity, 1);
  checkPositive("unitPrice", unitPrice);
  checkNumber("exponent", exponent, { min: 1, max: 4 });
  checkNumber("overhead", overhead, { min: 0, max: 10 });
  const rows = [];
  for (let capacity = 1; capacity <= maxCapacity; capacity *= 2) {
    const scaleUp = unitPrice * Math.pow(capacity, exponent);
    const scaleOut = unitPrice * capacity * (capacity > 1 ? 1 + overhead : 1);
    rows.push({ capacity, machines: capacity, scale_up: scaleUp, scale_out: scaleOut, ratio: scaleUp / scaleOut });
  }
  return tableFromRows(rows);
}
