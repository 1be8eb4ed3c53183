// A local module that a cell imports: tslab compiles it beside the cell.
import { square } from "./square";

export function twice(x: number): number {
  return 2 * x;
}

export function twiceSquared(x: number): number {
  return twice(square(x));
}
