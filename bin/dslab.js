#!/usr/bin/env node
// The `dslab` command: kernel, kernel install, run, lab install. Logic lives in kernel-ext/cli.ts.
require("../dist/kernel-ext/cli.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
