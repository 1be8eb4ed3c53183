import { existsSync } from "node:fs";
import { toolsAvailable } from "./jupyter";

/** Debian's Chromium, which playwright-core drives. */
export const CHROMIUM = "/usr/bin/chromium";

/** Whether the browser suites can run (they must, in CI). */
export function chromiumAvailable(): boolean {
  return toolsAvailable("chromium", existsSync(CHROMIUM));
}
