import { HTMLManager } from "@jupyter-widgets/html-manager/lib/htmlmanager";
import { dslabClass } from "./dslab-module";

/** An HTMLManager (controls, output) that also knows module "dslab" (Figure). */
export class DslabHtmlManager extends HTMLManager {
  protected override loadClass(className: string, moduleName: string, moduleVersion: string): ReturnType<HTMLManager["loadClass"]> {
    return (dslabClass(className, moduleName) as ReturnType<HTMLManager["loadClass"]> | undefined) ?? super.loadClass(className, moduleName, moduleVersion);
  }
}
