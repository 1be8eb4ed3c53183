/** One executed cell in the session's history. */
export interface HistoryEntry {
  session: number;
  line: number;
  input: string;
  output?: string;
}

/** The content of a history_request. */
export interface HistoryRequest {
  hist_access_type?: "tail" | "range" | "search";
  output?: boolean;
  raw?: boolean;
  session?: number;
  start?: number;
  stop?: number;
  n?: number;
  pattern?: string;
  unique?: boolean;
}

/** An in-memory history of executed inputs, answering history_request's tail, range and search. */
export class History {
  private readonly entries: HistoryEntry[] = [];

  /** Records an input (and its text/plain result, if any) under its execution count. */
  add(line: number, input: string, output?: string): void {
    this.entries.push({ session: 1, line, input, output });
  }

  /** The [session, line, input] (or [session, line, [input, output]]) triples the request asks for. */
  query(request: HistoryRequest): unknown[] {
    const { hist_access_type = "tail", output = false } = request;
    let selected: HistoryEntry[];
    if (hist_access_type === "range") {
      const start = request.start ?? 0;
      const stop = request.stop ?? Infinity;
      // Sessions are numbered from 1; 0 and negative numbers mean "this session", as in IPython.
      selected = this.entries.filter((e) => e.line >= start && e.line < stop);
    } else if (hist_access_type === "search") {
      const regex = globToRegExp(request.pattern ?? "*");
      selected = this.entries.filter((e) => regex.test(e.input));
      if (request.unique) {
        const seen = new Set<string>();
        selected = selected.filter((e) => {
          if (seen.has(e.input)) return false;
          seen.add(e.input);
          return true;
        });
      }
      if (request.n !== undefined && request.n !== null) selected = selected.slice(-request.n);
    } else {
      selected = this.entries.slice(-(request.n ?? 10));
    }
    return selected.map((e) => [e.session, e.line, output ? [e.input, e.output ?? null] : e.input]);
  }
}

/** IPython's history search uses glob patterns: * any run of characters, ? one character. */
function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[\\s\\S]*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}
