// The Node globals the kernel-side modules name, for the type check of their browser build:
// plotly-html reads plotly.js from a package (never called in the page), interact schedules on
// setImmediate (the in-page kernel installs one), progress writes to process.stdout outside a kernel.
declare const require: { resolve(id: string): string };
declare function setImmediate(fn: () => void): number;
declare const process: { stdout: { write(text: string): void } };
