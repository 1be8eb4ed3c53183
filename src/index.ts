import * as random from "./random/index";
import * as stats from "./stats/index";
import * as des from "./des/index";
import * as failure from "./failure/index";
import * as latency from "./latency/index";
import * as chord from "./chord/index";
import * as architectures from "./architectures/index";
import * as transparency from "./transparency/index";
import * as communication from "./communication/index";
import * as models from "./models/index";
import * as consistency from "./consistency/index";
import * as consensus from "./consensus/index";

import * as figures from "./figures";
import * as claims from "./claims/index";
import * as format from "./format/index";

export { random, stats, des, failure, latency, chord, architectures, transparency, communication, models, consistency, consensus, figures, claims, format };
export { tableFromRows, tableFromColumns } from "./table";
export type { Table } from "./table";
