import * as random from "./random/index";
import * as stats from "./stats/index";
import * as des from "./des/index";

export { random, stats, des };
export { tableFromRows, tableFromColumns } from "./table";
export type { Table } from "./table";
