import { dirname, resolve } from "node:path";
import type * as TS from "@tslab/typescript-for-tslab";

type CreateProgram = TS.CreateProgram<TS.BuilderProgram>;

/**
 * The createProgram that tslab's watch program uses, in place of TypeScript's default
 * EmitAndSemanticDiagnosticsBuilderProgram. That builder recomputes, for every new program
 * (every cell, twice for a cell with declarations), the references of every file in it, with
 * the checker and the list of ambient modules: 2–3 ms a cell with @types/node loaded, and
 * most of a cell's garbage. tslab only ever asks the builder about the cell: its diagnostics,
 * its emit and its dependencies. A plain program behind the builder interface
 * (createAbstractBuilder) answers the first two the same way; the cell's dependencies are
 * found here by following the cell's resolved imports and references.
 */
export function lightBuilder(ts: typeof TS, onWrite: (fileName: string, text: string) => void = () => undefined): CreateProgram {
  return (rootNames, options, host, oldProgram, configFileParsingDiagnostics, projectReferences) => {
    const builder = ts.createAbstractBuilder(rootNames, options, host, oldProgram, configFileParsingDiagnostics, projectReferences);
    // Every file an emit writes is shown to onWrite too (tslab keeps only the JavaScript).
    const emit = builder.emit.bind(builder);
    const emitSeen: typeof builder.emit = (sourceFile, writeFile, ...rest) => {
      const write: TS.WriteFileCallback = (fileName, text, ...more) => {
        onWrite(fileName, text);
        (writeFile ?? host?.writeFile)?.(fileName, text, ...more);
      };
      return emit(sourceFile, write, ...rest);
    };
    builder.emit = emitSeen;
    // Not written as `builder.getAllDependencies = (sourceFile) => ...`: V8 allocates a function
    // stored straight into a property in the old generation, where it would keep this program
    // from young-generation collection (see typescript-patches.ts).
    const getAllDependencies = (sourceFile: TS.SourceFile) => dependencies(builder.getProgram(), sourceFile);
    builder.getAllDependencies = getAllDependencies;
    // Bind now, as TypeScript's builder does: tslab then links the cell to the previous cells'
    // declarations by setting the cell file's parent, which binding later would reset.
    builder.getProgram().getTypeChecker();
    return builder as unknown as TS.BuilderProgram;
  };
}

// TypeScript 5.0 keeps a file's resolutions on the file; values are ResolvedModuleWithFailedLookupLocations.
interface Resolutions {
  resolvedModules?: { forEach(visit: (resolution: { resolvedModule?: { resolvedFileName?: string } } | undefined) => void): void };
  resolvedTypeReferenceDirectiveNames?: { forEach(visit: (resolution: { resolvedTypeReferenceDirective?: { resolvedFileName?: string } } | undefined) => void): void };
}

/** The file names `root` depends on, itself included: the closure of its imports, type references and `/// <reference path>`s. */
export function dependencies(program: TS.Program, root: TS.SourceFile): string[] {
  const seen = new Set<string>([root.fileName]);
  const pending = [root];
  const visit = (fileName: string | undefined) => {
    const file = fileName === undefined ? undefined : program.getSourceFile(fileName);
    if (file && !seen.has(file.fileName)) {
      seen.add(file.fileName);
      pending.push(file);
    }
  };
  for (let file = pending.pop(); file; file = pending.pop()) {
    const resolutions = file as TS.SourceFile & Resolutions;
    resolutions.resolvedModules?.forEach((r) => visit(r?.resolvedModule?.resolvedFileName));
    resolutions.resolvedTypeReferenceDirectiveNames?.forEach((r) => visit(r?.resolvedTypeReferenceDirective?.resolvedFileName));
    for (const reference of file.referencedFiles) visit(resolve(dirname(file.fileName), reference.fileName));
  }
  return [...seen];
}
