// node:util for the in-page kernel: inspect and format, for what a widget's function prints
// (console.log) and displays as text, in the shape Node gives for the values cells print.

/** Options of inspect (depth only). */
export interface InspectOptions {
  depth?: number;
  colors?: boolean;
}

/** A readable rendering of a value, close to Node's util.inspect for plain data. */
export function inspect(value: unknown, options: InspectOptions = {}): string {
  return show(value, options.depth ?? 2, new Set());
}

function show(value: unknown, depth: number, seen: Set<unknown>): string {
  switch (typeof value) {
    case "string":
      return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "boolean":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return `[Function: ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  if (seen.has(value)) return "[Circular *1]";
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (depth < 0) return Array.isArray(value) ? "[Array]" : "[Object]";
  seen.add(value);
  try {
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const items = Array.from(value as unknown as ArrayLike<unknown>)
        .slice(0, 100)
        .map((v) => show(v, depth - 1, seen));
      if ((value as unknown as ArrayLike<unknown>).length > 100) items.push(`... ${(value as unknown as ArrayLike<unknown>).length - 100} more items`);
      const prefix = Array.isArray(value) ? "" : `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length}) `;
      return wrap(prefix, "[", items, "]");
    }
    if (value instanceof Map)
      return wrap(
        `Map(${value.size}) `,
        "{",
        [...value].map(([k, v]) => `${show(k, depth - 1, seen)} => ${show(v, depth - 1, seen)}`),
        "}",
      );
    if (value instanceof Set)
      return wrap(
        `Set(${value.size}) `,
        "{",
        [...value].map((v) => show(v, depth - 1, seen)),
        "}",
      );
    const proto = Object.getPrototypeOf(value);
    const name = proto && proto !== Object.prototype && proto.constructor?.name ? `${proto.constructor.name} ` : "";
    const items = Object.keys(value as object).map(
      (k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${show((value as Record<string, unknown>)[k], depth - 1, seen)}`,
    );
    return items.length === 0 ? `${name}{}` : wrap(name, "{", items, "}");
  } finally {
    seen.delete(value);
  }
}

function wrap(prefix: string, open: string, items: string[], close: string): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const line = `${prefix}${open} ${items.join(", ")} ${close}`;
  return line.length <= 72 ? line : `${prefix}${open}\n  ${items.join(",\n  ")}\n${close}`;
}

/** Node's util.format: printf-like %s %d %i %f %j %o %O %% in a leading string, the rest joined with spaces. */
export function format(...args: unknown[]): string {
  let rest = args;
  let head = "";
  if (typeof args[0] === "string") {
    let i = 1;
    head = args[0].replace(/%[sdifjoO%]/g, (spec) => {
      if (spec === "%%") return "%";
      if (i >= args.length) return spec;
      const arg = args[i++];
      switch (spec) {
        case "%s":
          return typeof arg === "string" ? arg : show(arg, 1, new Set());
        case "%d":
        case "%i":
          return String(spec === "%i" ? Math.trunc(Number(arg)) : Number(arg));
        case "%f":
          return String(parseFloat(String(arg)));
        case "%j":
          return JSON.stringify(arg);
        default:
          return inspect(arg, { depth: 4 });
      }
    });
    rest = args.slice(i);
    return [head, ...rest.map((a) => (typeof a === "string" ? a : inspect(a)))].join(" ");
  }
  return rest.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ");
}
