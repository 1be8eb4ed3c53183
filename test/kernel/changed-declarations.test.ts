import * as ts from "@tslab/typescript-for-tslab";
import { describe, expect, it } from "vitest";
import { passChangedDeclarationsOnly } from "../../kernel-ext/kernel/typescript-for-tslab";

/** A system whose files are `texts`, recording what its watchers hear. */
function fakeSystem(texts: Record<string, string>) {
  const callbacks = new Map<string, ts.FileWatcherCallback>();
  const system = Object.create(ts.sys) as ts.System;
  system.readFile = (path) => texts[path];
  system.watchFile = (path, callback) => {
    callbacks.set(path, callback);
    return { close: () => callbacks.delete(path) };
  };
  return { system, notify: (path: string, kind: ts.FileWatcherEventKind) => callbacks.get(path)?.(path, kind) };
}

describe("passChangedDeclarationsOnly", () => {
  const { Changed, Deleted } = ts.FileWatcherEventKind;

  it("passes on a change of the previous cells' declarations only when their text changed since the last one passed on", () => {
    const texts: Record<string, string> = { "/nb/__prev__.d.ts": "export {};\n", "/nb/__tslab__.ts": "export {};\n1+1" };
    const fake = fakeSystem(texts);
    const passing = passChangedDeclarationsOnly(fake.system, Changed);
    const heard: string[] = [];
    for (const path of Object.keys(texts)) passing.watchFile!(path, (fileName, kind) => heard.push(`${fileName} ${kind}`));
    fake.notify("/nb/__prev__.d.ts", Changed);
    fake.notify("/nb/__tslab__.ts", Changed);
    expect(heard).toEqual([`/nb/__tslab__.ts ${Changed}`]);
    texts["/nb/__prev__.d.ts"] = "export {};\ndeclare const a: number;";
    fake.notify("/nb/__prev__.d.ts", Changed);
    fake.notify("/nb/__prev__.d.ts", Changed);
    fake.notify("/nb/__prev__.d.ts", Deleted);
    expect(heard.slice(1)).toEqual([`/nb/__prev__.d.ts ${Changed}`, `/nb/__prev__.d.ts ${Deleted}`]);
    // Back to the first text: a change again.
    texts["/nb/__prev__.d.ts"] = "export {};\n";
    fake.notify("/nb/__prev__.d.ts", Changed);
    expect(heard).toHaveLength(4);
  });

  it("passes on every change of any other file, unread", () => {
    const fake = fakeSystem({});
    let reads = 0;
    fake.system.readFile = () => {
      reads++;
      return "same";
    };
    const heard: number[] = [];
    passChangedDeclarationsOnly(fake.system, Changed).watchFile!("/nb/local.ts", (_name, kind) => heard.push(kind));
    fake.notify("/nb/local.ts", Changed);
    fake.notify("/nb/local.ts", Changed);
    expect(heard).toEqual([Changed, Changed]);
    expect(reads).toBe(0);
  });
});
