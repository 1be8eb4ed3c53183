import type * as TS from "@tslab/typescript-for-tslab";

/** is_complete_reply content. */
export type Completeness = { status: "complete" } | { status: "incomplete"; indent: string } | { status: "invalid" };

/** TypeScript's "Unterminated template literal.": more lines can close it. */
const UNTERMINATED_TEMPLATE = 1160;

/**
 * What tslab's isCompleteCode leaves out (it answers "incomplete" only for something expected at
 * the very end): a template literal still open across lines is incomplete; any other syntax error
 * (a stray `}`, an unterminated string) cannot be fixed by typing more and is invalid, as
 * IPython answers. Parsed as TypeScript, not TSX, so that `<number>x` casts are complete.
 */
export function cellCompleteness(ts: typeof TS, code: string, tslabSays: { completed: boolean; indent?: string }): Completeness {
  const file = ts.createSourceFile("is-complete.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics ?? [];
  // tslab parses as TSX, where a `<number>x` cast reads as an open JSX tag.
  if (diagnostics.length === 0) return { status: "complete" };
  if (!tslabSays.completed) return { status: "incomplete", indent: tslabSays.indent ?? "" };
  if (diagnostics.some((d) => d.code === UNTERMINATED_TEMPLATE)) return { status: "incomplete", indent: "" };
  return { status: "invalid" };
}
