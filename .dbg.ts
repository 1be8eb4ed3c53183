import { executeCell } from "./kernel-ext/client/execute-cell";
import { KernelClient } from "./kernel-ext/client/kernel-client";
import { kernelEnv } from "./test/helpers/jupyter";
(async () => {
  const client = await KernelClient.launch({ kernelName: "dslab", cwd: "/work/wt/kernel/notebooks", env: kernelEnv() });
  const r1 = await executeCell(client, 'const a = 1;\nconst b = 2;\nthrow new RangeError("bad " + (a + b));');
  console.log(r1.status);
  const definition = await executeCell(client, "// helpers\n\nfunction failsAbove(n: number): number {\n  if (n > 1) throw new RangeError(`n = ${n}`);\n  return n;\n}", { timeoutMs: 5000 });
  console.log(definition.status, JSON.stringify(definition.outputs));
  const r2 = await executeCell(client, "\n// first fine, then not\nconst fine = failsAbove(1);\n\nfailsAbove(2);", { timeoutMs: 5000 });
  console.log(r2.status, JSON.stringify(r2.outputs));
  const r3 = await executeCell(client, "await Promise.resolve();\n\nthrow new TypeError(\"after await\");", { timeoutMs: 5000 });
  console.log(r3.status, JSON.stringify(r3.outputs));
  await client.shutdown();
  console.log(client.stderr);
})();
