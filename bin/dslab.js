#!/usr/bin/env node
// The `dslab` command: kernel, kernel install, run, lab install. Logic lives in kernel-ext/cli.ts.
// The kernel's patched TypeScript (dist/typescript-for-tslab/), when built, in place of tslab's.
require("../dist/kernel-ext/kernel/patched-typescript.js").providePatchedTypescript(require("node:path").join(__dirname, ".."));
require("../dist/kernel-ext/cli.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
