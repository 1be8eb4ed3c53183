// node:fs for the in-page kernel: nothing the page runs reads files (the kernel's plotly HTML
// fallback does, and the page never asks for it).

/** Always throws: there are no files in the page. */
export function readFileSync(path: string, _encoding?: string): string {
  throw new Error(`no file system in the page (reading ${path})`);
}
