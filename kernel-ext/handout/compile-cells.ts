import * as ts from "@tslab/typescript-for-tslab";
import { RESULT_HOOK } from "../../widgets/frontend/live/live-protocol";
import { joinText, type HandoutNotebook } from "./notebook-shape";

const WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json";

/** The modules a cell can import in the page: the library, its widgets and kernel API, and arquero. */
export const PAGE_MODULES: readonly string[] = ["dslab", "dslab/widgets", "dslab/kernel", "arquero"];

/** Globals only Node has: a cell that uses one runs only in the kernel. */
const NODE_GLOBALS = new Set(["process", "require", "__dirname", "__filename", "Buffer", "module", "exports"]);

/**
 * Names a Web Worker's global scope owns (read-only or used by the in-page kernel): a cell that
 * declares one at its top level would, as a global `var`, be ignored or break the page's kernel.
 */
const WORKER_GLOBALS = new Set([
  "name",
  "self",
  "location",
  "navigator",
  "origin",
  "close",
  "postMessage",
  "onmessage",
  "onmessageerror",
  "onerror",
  "performance",
  "crypto",
  "console",
  "importScripts",
  "caches",
  "indexedDB",
  "isSecureContext",
  "crossOriginIsolated",
  "fonts",
  "scheduler",
  "require",
  "globalThis",
]);

/** One code cell, compiled to a classic script for the in-page kernel. */
export interface LiveCell {
  /** Index of the cell in the notebook (0-based). */
  index: number;
  /** Its execution count in the saved notebook, which names it in tracebacks (In[N]). */
  executionCount: number | null;
  /** JavaScript: top-level declarations are global `var`s, so later cells see them, as in the kernel. */
  js: string;
  /** Model ids of the widget views this cell displayed when the notebook ran, in order. */
  widgetViews: string[];
}

/** A cell that cannot run in the page, and why. */
export interface KernelOnlyCell {
  index: number;
  executionCount: number | null;
  reason: string;
}

/** What the handout's in-page kernel runs. */
export interface LivePlan {
  /** The cells to run in the page, in order: those that display widgets and those they depend on. */
  cells: LiveCell[];
  /** Cells left to the kernel because they need Node (or do not compile). */
  kernelOnly: KernelOnlyCell[];
  /** Widget views (root model ids) that cannot go live, with the reason. */
  staticWidgets: { modelId: string; cell: number; reason: string }[];
}

interface CellInfo {
  index: number;
  executionCount: number | null;
  source: string;
  declared: Set<string>;
  used: Set<string>;
  widgetViews: string[];
  nodeReason?: string;
}

/** Names a cell for a person: its execution count if it ran, else its position. */
export function cellName(cell: { index: number; executionCount: number | null }): string {
  return cell.executionCount !== null ? `cell In[${cell.executionCount}] (#${cell.index + 1} in the notebook)` : `cell #${cell.index + 1}`;
}

/**
 * Plans the in-page kernel of a handout: which code cells to run (every cell that displayed a
 * widget, and, transitively, each cell whose top-level names those cells use) and their
 * TypeScript compiled to JavaScript. A needed cell that imports anything but dslab's packages
 * and arquero, or uses Node's globals, cannot run in the page: it is reported, and the widgets
 * that depend on it keep their saved state.
 */
export function planLiveCells(notebook: HandoutNotebook, savedModels: ReadonlySet<string>): LivePlan {
  const infos: CellInfo[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const source = joinText(cell.source);
    if (source.trim() === "") return;
    const widgetViews: string[] = [];
    for (const output of cell.outputs ?? []) {
      const view = output.data?.[WIDGET_VIEW_MIME] as { model_id?: string } | undefined;
      if (view?.model_id && savedModels.has(view.model_id)) widgetViews.push(view.model_id);
    }
    infos.push({ index, executionCount: cell.execution_count ?? null, source, widgetViews, ...analyse(source) });
  });
  // Walk backwards from the widget cells: a cell is needed if a needed cell after it uses a name it declares.
  const needed = new Set<CellInfo>();
  const wanted = new Set<string>();
  for (let i = infos.length - 1; i >= 0; i--) {
    const info = infos[i];
    const provides = [...info.declared].some((name) => wanted.has(name));
    if (info.widgetViews.length === 0 && !provides) continue;
    needed.add(info);
    for (const name of info.declared) wanted.delete(name);
    for (const name of info.used) if (!info.declared.has(name)) wanted.add(name);
  }
  const kernelOnly: KernelOnlyCell[] = [];
  const cells: LiveCell[] = [];
  const blockedNames = new Map<string, string>();
  const staticWidgets: LivePlan["staticWidgets"] = [];
  for (const info of infos) {
    if (!needed.has(info)) continue;
    let reason = info.nodeReason;
    let js = "";
    if (!reason) {
      try {
        js = compileCell(info.source);
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
    }
    const blockedBy = [...info.used].find((name) => !info.declared.has(name) && blockedNames.has(name));
    if (!reason && blockedBy) reason = `it uses ${blockedBy} from ${blockedNames.get(blockedBy)}, which runs only in the kernel`;
    if (reason) {
      kernelOnly.push({ index: info.index, executionCount: info.executionCount, reason });
      for (const name of info.declared) blockedNames.set(name, cellName(info));
      for (const modelId of info.widgetViews) staticWidgets.push({ modelId, cell: info.index, reason: `${cellName(info)} runs only in the kernel: ${reason}` });
      continue;
    }
    cells.push({ index: info.index, executionCount: info.executionCount, js, widgetViews: info.widgetViews });
  }
  return { cells, kernelOnly, staticWidgets };
}

/** Top-level names a cell declares, identifiers it uses, and why it needs Node (if it does). */
function analyse(source: string): { declared: Set<string>; used: Set<string>; nodeReason?: string } {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const declared = new Set<string>();
  const used = new Set<string>();
  let nodeReason: string | undefined;
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (!PAGE_MODULES.includes(from)) nodeReason ??= `it imports "${from}" (the page has only ${PAGE_MODULES.map((m) => `"${m}"`).join(", ")})`;
      const clause = statement.importClause;
      if (clause?.name) declared.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) declared.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) declared.add(el.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      nodeReason ??= "it uses `import = require()`";
      declared.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) bindingNames(decl.name, declared);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      declared.add(statement.name.text);
    }
  }
  const reserved = [...declared].find((n) => WORKER_GLOBALS.has(n));
  if (reserved) nodeReason ??= `it declares \`${reserved}\` at its top level, a name the browser's worker scope owns (rename it to run this cell in the page)`;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      used.add(node.text);
      if (NODE_GLOBALS.has(node.text) && isFreeReference(node)) nodeReason ??= `it uses Node's \`${node.text}\``;
    }
    if (ts.isAwaitExpression(node) && !insideFunction(node)) nodeReason ??= "it awaits at the top level (the page runs cells as scripts)";
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return { declared, used, nodeReason };
}

function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, into);
}

/** An identifier that reads a variable (not a property name, a key or a declaration's name). */
function isFreeReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent)) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node)
    return false;
  return true;
}

function insideFunction(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return true;
  return false;
}

/**
 * Compiles a cell's TypeScript to a classic script: types erased (as transpileModule does), each
 * import becomes `var { names } = require("module")`, and top-level let, const and class
 * declarations become `var`, so that, run in order in one global scope, each cell sees the
 * names earlier cells declared and may declare them again, as in the kernel. A last statement
 * that is an expression is passed to RESULT_HOOK, if the page defines it.
 */
export function compileCell(source: string): string {
  const result = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2020,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      sourceMap: false,
      removeComments: false,
      useDefineForClassFields: false,
    },
    reportDiagnostics: true,
    transformers: { after: [toScript] },
  });
  const error = result.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error) throw new Error(`it does not compile: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
  return result.outputText.replace(/^export \{\};\s*$/m, "");
}

const toScript: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
  const f = context.factory;
  const statements: ts.Statement[] = [];
  const requireCall = (from: string) => f.createCallExpression(f.createIdentifier("require"), undefined, [f.createStringLiteral(from)]);
  const asVar = (name: ts.BindingName, init: ts.Expression) =>
    f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, init)], ts.NodeFlags.None));
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.importClause;
      if (!clause) {
        statements.push(f.createExpressionStatement(requireCall(from)));
        continue;
      }
      if (clause.isTypeOnly) continue;
      if (clause.name) statements.push(asVar(f.createIdentifier(clause.name.text), f.createPropertyAccessExpression(requireCall(from), "default")));
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) statements.push(asVar(f.createIdentifier(bindings.name.text), requireCall(from)));
      if (bindings && ts.isNamedImports(bindings)) {
        const elements = bindings.elements
          .filter((el) => !el.isTypeOnly)
          .map((el) =>
            f.createBindingElement(
              undefined,
              el.propertyName ? f.createIdentifier((el.propertyName as ts.Identifier).text) : undefined,
              f.createIdentifier(el.name.text),
            ),
          );
        if (elements.length > 0) statements.push(asVar(f.createObjectBindingPattern(elements), requireCall(from)));
      }
    } else if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
    } else if (ts.isVariableStatement(statement)) {
      const list = statement.declarationList;
      statements.push(f.createVariableStatement(undefined, f.createVariableDeclarationList(list.declarations, ts.NodeFlags.None)));
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const expr = f.createClassExpression(
        statement.modifiers?.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword) as ts.ModifierLike[] | undefined,
        statement.name,
        statement.typeParameters,
        statement.heritageClauses,
        statement.members,
      );
      statements.push(asVar(f.createIdentifier(statement.name.text), expr));
    } else statements.push(statement);
  }
  // The cell's own last statement (not a bare import's require call) decides, as in the kernel.
  const own = file.statements.filter((s) => !ts.isExportDeclaration(s) && !ts.isExportAssignment(s)).at(-1);
  const last = statements.at(-1);
  if (last && own && ts.isExpressionStatement(own) && ts.isExpressionStatement(last)) {
    const hook = f.createPropertyAccessExpression(f.createIdentifier("globalThis"), RESULT_HOOK);
    const value =
      ts.isBinaryExpression(last.expression) && last.expression.operatorToken.kind === ts.SyntaxKind.CommaToken
        ? f.createParenthesizedExpression(last.expression)
        : last.expression;
    statements[statements.length - 1] = f.createExpressionStatement(f.createCallChain(hook, f.createToken(ts.SyntaxKind.QuestionDotToken), undefined, [value]));
  }
  return f.updateSourceFile(file, statements);
};
