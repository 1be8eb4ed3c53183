import { setFlagsFromString } from "node:v8";
import { runInThisContext } from "node:vm";

/**
 * Tells V8 never to optimize `functions` with TurboFan, and returns whether it could.
 *
 * A kernel calls TypeScript's createProgram, createTypeChecker and createPrinter once a cell.
 * Each is huge, and each call is mostly setting up (~1,000 closures in createTypeChecker), so
 * optimized code barely speeds a call; but V8 finds them hot after some hundred cells and
 * compiles them on a background thread: 0.7, 0.6 and 0.2 s of CPU (--trace-opt), during the
 * first cells a kernel runs, competing with the front end for the machine. Measured through
 * jupyter_client, 600 new cells after start, in turn: kernel CPU 8.1-9.2 -> 5.5-6.7 ms a cell,
 * p50 and p99 no worse; after 1,500 cells 6.6-6.9 -> 5.8-6.0 ms. The same holds for
 * transformNodes (once an emit) and for two functions declared inside createProgram and
 * createTypeChecker (see exposeSetUpFunctions in typescript-patches.ts): 0.3 s more of
 * compiling in a kernel's first 250 cells; without it, over 5 starts x 200 new cells through
 * jupyter_client, in turn (three runs): p99 13.6, 13.5, 14.7 -> 12.4, 11.5, 12.6 ms, p50 no worse.
 *
 * V8's %NeverOptimizeFunction marks a function's shared code, so every closure of it is
 * covered. Natives syntax is allowed only while the marking runs (V8 compiles the marking
 * function at its first call, so it must be called inside that window).
 */
export function neverOptimize(functions: readonly unknown[]): boolean {
  try {
    setFlagsFromString("--allow-natives-syntax");
    const mark = runInThisContext("(f) => { %NeverOptimizeFunction(f); }") as (f: unknown) => void;
    for (const f of functions) if (typeof f === "function") mark(f);
    return true;
  } catch {
    return false;
  } finally {
    setFlagsFromString("--no-allow-natives-syntax");
  }
}
