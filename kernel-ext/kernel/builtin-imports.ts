import { isBuiltin } from "node:module";
import type * as TS from "@tslab/typescript-for-tslab";

const WRAPPED = Symbol.for("dslab.builtinImportsUnresolved");

/**
 * Makes `host` answer an import of a Node.js built-in module ("fs", "node:events") as
 * unresolved without looking on disk, so that the checker takes the module from @types/node's
 * `declare module "fs"`, as it does after TypeScript's own search fails. That search walks
 * every node_modules folder from the importing file up to the root, for every built-in import
 * of every file: @types/node's 63 files import built-ins 253 times, a quarter of a kernel's
 * first program (45 ms of resolution in all). The answer cannot change a type: the checker
 * takes an ambient `declare module` over any file a search finds (a package named like a
 * built-in, npm's `events`, is loaded and then ignored), and at run time `require` returns the
 * built-in whatever is on disk. Other names go to the host's own resolution, in one call, in
 * their order.
 */
export function leaveBuiltinImportsUnresolved(host: TS.CompilerHost, builtin: (name: string) => boolean = isBuiltin): void {
  const marked = host as TS.CompilerHost & { [WRAPPED]?: true };
  const resolve = host.resolveModuleNameLiterals;
  if (!resolve || marked[WRAPPED]) return;
  const unresolved: TS.ResolvedModuleWithFailedLookupLocations = { resolvedModule: undefined };
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, containingSourceFile, reusedNames) => {
    const builtins = literals.map((literal) => builtin(literal.text));
    if (!builtins.includes(true)) return resolve.call(host, literals, containingFile, redirected, options, containingSourceFile, reusedNames);
    const others = literals.filter((_, i) => !builtins[i]);
    const resolved = others.length > 0 ? resolve.call(host, others, containingFile, redirected, options, containingSourceFile, reusedNames) : [];
    let next = 0;
    return literals.map((_, i) => (builtins[i] ? unresolved : resolved[next++]));
  };
  marked[WRAPPED] = true;
}
