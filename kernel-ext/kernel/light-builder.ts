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
export function lightBuilder(
  ts: typeof TS,
  onWrite: (fileName: string, text: string) => void = () => undefined,
  builderOptions: LightBuilderOptions = {},
): CreateProgram {
  const commonJs = builderOptions.emitCommonJs ? commonJsTransformer(ts) : undefined;
  return (rootNames, options, host, oldProgram, configFileParsingDiagnostics, projectReferences) => {
    const builder = ts.createAbstractBuilder(rootNames, options, host, oldProgram, configFileParsingDiagnostics, projectReferences);
    // Every file an emit writes is shown to onWrite too (tslab keeps only the JavaScript).
    const emit = builder.emit.bind(builder);
    const emitSeen: typeof builder.emit = (sourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers) => {
      const write: TS.WriteFileCallback = (fileName, text, ...more) => {
        onWrite(fileName, text);
        (writeFile ?? host?.writeFile)?.(fileName, text, ...more);
      };
      // CommonJS last, after the caller's own transformers (tslab's rewrite of the last
      // expression and of earlier cells' names), where TypeScript runs its module transform.
      const transformers = commonJs && !emitOnlyDts ? { ...customTransformers, after: [...(customTransformers?.after ?? []), commonJs] } : customTransformers;
      return emit(sourceFile, write, cancellationToken, emitOnlyDts, transformers);
    };
    builder.emit = emitSeen;
    // Not written as `builder.getAllDependencies = (sourceFile) => ...`: V8 allocates a function
    // stored straight into a property in the old generation, where it would keep this program
    // from young-generation collection (see typescript-patches.ts).
    const getAllDependencies = (sourceFile: TS.SourceFile) => dependencies(builder.getProgram(), sourceFile);
    builder.getAllDependencies = getAllDependencies;
    // Bind the cell now, as TypeScript's builder does: tslab reads the cell's names from its
    // locals, then links it to the previous cells' declarations by setting its parent, which
    // binding later would reset. Only the program's own files, not a checker: a cell that
    // declares names is compiled twice (the second time exporting them), and the first
    // program's checker (merging every library's globals) would never be used.
    const program = builder.getProgram();
    for (const name of program.getRootFileNames()) {
      const file = program.getSourceFile(name);
      if (file && !file.isDeclarationFile)
        (ts as unknown as { bindSourceFile(file: TS.SourceFile, options: TS.CompilerOptions): void }).bindSourceFile(file, program.getCompilerOptions());
    }
    return builder as unknown as TS.BuilderProgram;
  };
}

/** Options of {@link lightBuilder}; each defaults to off. */
export interface LightBuilderOptions {
  /**
   * Emit JavaScript as CommonJS, whatever the program's `module` (tslab type-checks cells as
   * ES modules, ESNext, and runs them as CommonJS). TypeScript's own module transform runs at
   * the end of the emit, with the program's checker: the emit's source map then maps the code
   * that runs straight to the cell, and no second conversion (tslab's ts.transpileModule, a new
   * program, checker, parse and print for every cell) is needed. Off: the program's `module`.
   */
  emitCommonJs?: boolean;
}

/** TypeScript's CommonJS module transform, as a custom `after` transformer (the program's `module` is ES). */
function commonJsTransformer(ts: typeof TS): TS.TransformerFactory<TS.SourceFile> {
  const transformModule = (ts as unknown as { transformModule?: TS.TransformerFactory<TS.SourceFile> }).transformModule;
  if (typeof transformModule !== "function") throw new Error("this TypeScript has no transformModule: cannot emit CommonJS from the program");
  return transformModule;
}

// TypeScript 5.0 keeps a file's resolutions on the file; values are ResolvedModuleWithFailedLookupLocations.
interface Resolutions {
  resolvedModules?: { forEach(visit: (resolution: { resolvedModule?: { resolvedFileName?: string } } | undefined) => void): void };
  resolvedTypeReferenceDirectiveNames?: {
    forEach(visit: (resolution: { resolvedTypeReferenceDirective?: { resolvedFileName?: string } } | undefined) => void): void;
  };
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
