import { describe, expect, it } from "vitest";
import { setUpFunctionsMarker } from "../../kernel-ext/kernel/typescript-for-tslab";

describe("setUpFunctionsMarker(outers, mark)", () => {
  it("marks what each outer function records as its set-up functions, once each, as soon as it has recorded them", () => {
    const marked: unknown[][] = [];
    const inner1 = () => 1;
    const inner2 = () => 2;
    const program: { (): void; setUpFunctions?: unknown[] } = () => undefined;
    const checker: { (): void; setUpFunctions?: unknown[] } = () => undefined;
    const markNew = setUpFunctionsMarker([program, checker, undefined], (functions) => marked.push([...functions]));
    markNew();
    expect(marked).toEqual([]);
    program.setUpFunctions = [inner1];
    markNew();
    markNew();
    expect(marked).toEqual([[inner1]]);
    checker.setUpFunctions = [inner2];
    // A later closure of the same function shares its code: marking it again would add nothing.
    program.setUpFunctions = [() => 1];
    markNew();
    markNew();
    expect(marked).toEqual([[inner1], [inner2]]);
  });
});
