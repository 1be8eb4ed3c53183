/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Makes JSON safe inside a <script> element: "</script>" and "<!--" cannot end or comment
 * out the element once "<" is escaped (the HTML spec's script data states).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Makes JavaScript source safe inside a <script> element (only "</script" can end it early). */
export function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1");
}

/** Removes ANSI colour escapes (tracebacks from the kernel carry them). */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is what an ANSI escape starts with.
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}
