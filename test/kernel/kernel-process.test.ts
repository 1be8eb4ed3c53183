import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCell } from "../../kernel-ext/client/execute-cell";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import { kernelPorts } from "../../kernel-ext/client/kernel-ports";
import type { JupyterMessage } from "../../kernel-ext/wire";
import { kernelEnv } from "../helpers/jupyter";

// The real kernel process, started from its kernelspec, spoken to over ZMQ.
let client: KernelClient;
const env = kernelEnv();

beforeAll(async () => {
  client = await KernelClient.launch({ kernelName: "dslab", cwd: join(__dirname, "..", "..", "notebooks"), env });
});
afterAll(async () => {
  await client?.dispose();
});

/** The first iopub message of a type. */
function next(msgType: string, timeoutMs = 10_000): Promise<JupyterMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${msgType}`));
    }, timeoutMs);
    const stop = client.onIopub((m) => {
      if (m.header.msg_type !== msgType) return;
      clearTimeout(timer);
      stop();
      resolve(m);
    });
  });
}

describe("the dslab kernel over ZMQ", () => {
  it("answers kernel_info_request with the TypeScript language and protocol 5.3", async () => {
    const reply = await client.request("shell", "kernel_info_request", {});
    expect(reply.header.msg_type).toBe("kernel_info_reply");
    expect(reply.content).toMatchObject({
      status: "ok",
      protocol_version: "5.3",
      implementation: "dslab",
      language_info: { name: "typescript", file_extension: ".ts" },
    });
  });

  it("sends the last expression as an execute_result, console output as a stream, and nothing for undefined or a trailing semicolon", async () => {
    const run = await executeCell(client, 'console.log("hello");\n6 * 7');
    expect(run.status).toBe("ok");
    expect(run.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "hello\n" },
      { output_type: "execute_result", data: { "text/plain": "42" }, metadata: {}, execution_count: run.executionCount },
    ]);
    expect((await executeCell(client, "6 * 7;")).outputs).toEqual([]);
    expect((await executeCell(client, "undefined")).outputs).toEqual([]);
  });

  it("imports dslab from a cell in notebooks/", async () => {
    const run = await executeCell(
      client,
      'import { chord } from "dslab";\nchord.lookup(chord.ring({ bits: 6, nodes: [1, 8, 14, 21, 32, 38, 42, 48, 51, 56] }), 8, 54).path',
    );
    expect(run.outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "[ 8, 42, 51, 56 ]" } });
  });

  it("renders arquero tables as HTML with a text fallback, and plotly figures with an HTML fallback", async () => {
    const table = await executeCell(client, 'import { tableFromRows } from "dslab";\ntableFromRows([{ n: 1 }, { n: 2 }])');
    const data = (table.outputs[0] as { data: Record<string, string> }).data;
    expect(data["text/html"]).toContain("<table>");
    expect(data["text/plain"]).toContain("|n|");
    const figure = await executeCell(
      client,
      'import { display } from "dslab/kernel";\ndisplay({ data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: { title: { text: "T" } } })',
    );
    const bundle = (figure.outputs[0] as { output_type: string; data: Record<string, unknown> }).data;
    expect(figure.outputs[0].output_type).toBe("display_data");
    expect(bundle["application/vnd.plotly.v1+json"]).toEqual({ data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: { title: { text: "T" } } });
    expect(String(bundle["text/html"])).toContain("Plotly.newPlot");
    expect(bundle["text/plain"]).toBe('Figure "T" with 1 trace');
  });

  it("updates a display by its display_id", async () => {
    const updated = next("update_display_data");
    const run = await executeCell(
      client,
      'import { display } from "dslab/kernel";\ndisplay("first", { displayId: "d1" });\ndisplay("second", { displayId: "d1", update: true });',
    );
    const update = await updated;
    expect(update.content).toMatchObject({ data: { "text/plain": "'second'" }, transient: { display_id: "d1" } });
    expect(run.outputs).toEqual([{ output_type: "display_data", data: { "text/plain": "'second'" }, metadata: {} }]);
  });

  it("reports runtime errors with ename, evalue and a traceback at the cell's line, in the reply and on iopub", async () => {
    const run = await executeCell(client, 'const a = 1;\nconst b = 2;\nthrow new RangeError("bad " + (a + b));');
    expect(run.status).toBe("error");
    expect(run.reply!.content).toMatchObject({ status: "error", ename: "RangeError", evalue: "bad 3" });
    const error = run.outputs[0] as { ename: string; traceback: string[] };
    expect(error.ename).toBe("RangeError");
    expect(error.traceback.join("\n")).toMatch(/cell:3:\d+/);
  });

  it("puts stack frames on the lines the user wrote, blank lines and comments included, naming the cell a function came from", async () => {
    const definition = await executeCell(
      client,
      "// helpers\n\nfunction failsAbove(n: number): number {\n  if (n > 1) throw new RangeError(`n = ${n}`);\n  return n;\n}",
    );
    expect(definition.status).toBe("ok");
    const run = await executeCell(client, "\n// first fine, then not\nconst fine = failsAbove(1);\n\nfailsAbove(2);");
    const traceback = (run.outputs[0] as { traceback: string[] }).traceback;
    expect(traceback[0]).toBe("RangeError: n = 2");
    expect(traceback[1]).toMatch(new RegExp(`^\\s+at failsAbove \\(In\\[${definition.executionCount}\\]:4:\\d+\\)$`));
    expect(traceback[2]).toMatch(/^\s+at cell:5:1$/);
    expect(traceback).toHaveLength(3);
    const awaited = await executeCell(client, 'await Promise.resolve();\n\nthrow new TypeError("after await");');
    expect((awaited.outputs[0] as { traceback: string[] }).traceback.join("\n")).toMatch(/at cell:3:\d+/);
  });

  it("reports type errors with line:column inside the cell", async () => {
    const run = await executeCell(client, "const ok = 1;\nconst s: string = 5;");
    expect(run.status).toBe("error");
    expect((run.outputs[0] as { evalue: string }).evalue).toMatch(/^2:7 - Type 'number' is not assignable to type 'string'/);
  });

  it("round-trips a comm with binary buffers and filters comm_info by target name", async () => {
    await executeCell(
      client,
      [
        'import { registerCommTarget } from "dslab/kernel";',
        'registerCommTarget("echo", (comm) => comm.onMsg((msg) => comm.send({ echo: msg.data, sizes: msg.buffers.map((b) => b.length) }, { buffers: msg.buffers.map((b) => b.map((x) => x + 1)) })));',
        'registerCommTarget("other", () => undefined);',
      ].join("\n"),
    );
    const commId = "c0ffee";
    client.post("comm_open", { comm_id: commId, target_name: "echo", data: {} });
    client.post("comm_open", { comm_id: "c2", target_name: "other", data: {} });
    const reply = new Promise<JupyterMessage>((resolve) => {
      const stop = client.onIopub((m) => {
        if (m.header.msg_type === "comm_msg" && (m.content as { comm_id: string }).comm_id === commId) {
          stop();
          resolve(m);
        }
      });
    });
    client.post("comm_msg", { comm_id: commId, data: { hello: "world" } }, { buffers: [Buffer.from([1, 2, 3])] });
    const echoed = await reply;
    expect(echoed.content).toMatchObject({ data: { echo: { hello: "world" }, sizes: [3] } });
    expect([...echoed.buffers[0]]).toEqual([2, 3, 4]);
    const info = await client.request("shell", "comm_info_request", { target_name: "echo" });
    expect(info.header.msg_type).toBe("comm_info_reply");
    expect((info.content as { comms: object }).comms).toEqual({ [commId]: { target_name: "echo" } });
    const all = await client.request("shell", "comm_info_request", {});
    expect(Object.keys((all.content as { comms: object }).comms).sort()).toEqual(["c0ffee", "c2"]);
  });

  it("keeps serving after a comm handler throws, reporting it on stderr", async () => {
    const cell = await executeCell(
      client,
      'import { registerCommTarget } from "dslab/kernel";\n\nregisterCommTarget("boom", (comm) => comm.onMsg(() => { throw new Error("handler failed"); }));',
    );
    client.post("comm_open", { comm_id: "b1", target_name: "boom", data: {} });
    const stderr = new Promise<string>((resolve) => {
      const stop = client.onIopub((m) => {
        if (m.header.msg_type === "stream" && String((m.content as { text: string }).text).includes("handler failed")) {
          stop();
          resolve(String((m.content as { text: string }).text));
        }
      });
    });
    client.post("comm_msg", { comm_id: "b1", data: {} });
    const text = await stderr;
    expect(text).toContain("Error in comm");
    // The handler's frame is on the line it was written on, in the cell that wrote it.
    expect(text).toMatch(new RegExp(`In\\[${cell.executionCount}\\]:3:\\d+`));
    expect((await executeCell(client, "1 + 1")).outputs[0]).toMatchObject({ data: { "text/plain": "2" } });
  });

  it("interrupts a `while (true) {}` cell within 2 s, and the next cell runs", async () => {
    const start = Date.now();
    const running = executeCell(client, "while (true) {}");
    await new Promise((r) => setTimeout(r, 300));
    await client.request("control", "interrupt_request", {}, { timeoutMs: 2000 });
    const run = await running;
    expect(Date.now() - start).toBeLessThan(2300);
    expect(run.status).toBe("error");
    expect((await executeCell(client, '"after"')).outputs[0]).toMatchObject({ data: { "text/plain": "'after'" } });
  });

  it("interrupts a cell awaiting a promise that never settles, and the next cell runs", async () => {
    const running = executeCell(client, "await new Promise(() => {});");
    await new Promise((r) => setTimeout(r, 300));
    await client.request("control", "interrupt_request", {}, { timeoutMs: 2000 });
    const run = await running;
    expect(run.status).toBe("error");
    expect((await executeCell(client, '"after await"')).outputs[0]).toMatchObject({ data: { "text/plain": "'after await'" } });
  });

  it("takes a SIGINT sent to its process (a terminal's Ctrl-C) as an interrupt, whether the cell loops or awaits", async () => {
    // The kernelspec's command may be a launcher that starts the kernel from its snapshot and
    // passes SIGINT on to it.
    for (const code of ["while (true) {}", "await new Promise(() => {});"]) {
      const running = executeCell(client, code);
      await new Promise((r) => setTimeout(r, 300));
      client.process!.kill("SIGINT");
      const run = await running;
      expect(run.status, code).toBe("error");
    }
    expect((await executeCell(client, '"after SIGINT"')).outputs[0]).toMatchObject({ data: { "text/plain": "'after SIGINT'" } });
  });

  it("answers history requests: tail, range and search", async () => {
    await executeCell(client, "const historyMarker = 12345;");
    const tail = await client.request("shell", "history_request", { hist_access_type: "tail", n: 2, output: false, raw: true });
    const history = (tail.content as { history: [number, number, string][] }).history;
    expect(history).toHaveLength(2);
    expect(history[1][2]).toBe("const historyMarker = 12345;");
    const search = await client.request("shell", "history_request", { hist_access_type: "search", pattern: "*historyMarker*", output: false, raw: true });
    expect((search.content as { history: unknown[] }).history).toHaveLength(1);
    const line = history[1][1];
    const range = await client.request("shell", "history_request", {
      hist_access_type: "range",
      session: 0,
      start: line,
      stop: line + 1,
      output: false,
      raw: true,
    });
    expect((range.content as { history: unknown[] }).history).toEqual([[1, line, "const historyMarker = 12345;"]]);
  });
});

/** Runs `use` with a kernel of its own, launched in `cwd`, and disposes of it. */
async function withKernel(cwd: string, kernelEnv: NodeJS.ProcessEnv, use: (kernel: KernelClient) => Promise<void>): Promise<void> {
  const kernel = await KernelClient.launch({ kernelName: "dslab", cwd, env: kernelEnv });
  try {
    await use(kernel);
  } finally {
    await kernel.dispose();
  }
}

describe("starting", () => {
  it("ends with a message and status 1, not an abort, when its control thread fails (its port taken)", async () => {
    // The kernelspec's command, as Jupyter runs it: from the snapshot where this Node.js built one.
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const dir = mkdtempSync(join(tmpdir(), "dslab-port-taken-"));
      const ports = await kernelPorts(4);
      const connection = {
        transport: "tcp",
        ip: "127.0.0.1",
        shell_port: ports[0],
        iopub_port: ports[1],
        stdin_port: ports[2],
        hb_port: ports[3],
        control_port: port,
        key: "k",
        signature_scheme: "hmac-sha256",
      };
      writeFileSync(join(dir, "kernel.json"), JSON.stringify(connection));
      const result = spawnSync(process.execPath, [join(__dirname, "..", "..", "bin", "dslab.js"), "kernel", "--config-path", join(dir, "kernel.json")], {
        encoding: "utf8",
        timeout: 60_000,
        env: { ...env, NODE_OPTIONS: "" },
      });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/the control thread failed: Error: Address already in use/);
      expect(result.stderr).not.toMatch(/Assertion failed|uncaught|Waiting for the debugger/);
    } finally {
      taken.close();
    }
  }, 90_000);

  it("starts its control thread, whose heartbeat clients wait for first, before it loads the rest of the kernel", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dslab-early-control-"));
    const ports = await kernelPorts(5);
    const names = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"];
    const connection = {
      transport: "tcp",
      ip: "127.0.0.1",
      key: "k",
      signature_scheme: "hmac-sha256",
      ...Object.fromEntries(names.map((n, i) => [n, ports[i]])),
    };
    writeFileSync(join(dir, "kernel.json"), JSON.stringify(connection));
    // The kernel command, with a Worker that records which of the kernel's modules are loaded when it is made.
    const script = `
      const threads = require("node:worker_threads");
      threads.Worker = function () {
        const loaded = Object.keys(require.cache).filter((f) => /start-kernel|zmq-transport|code-runner|zeromq|typescript|tslab/.test(f));
        process.stdout.write(JSON.stringify({ workerFile: arguments[0], loaded }));
        process.exit(0);
      };
      require(${JSON.stringify(join(__dirname, "..", "..", "dist", "kernel-ext", "commands", "kernel.js"))}).kernelCommand(["--config-path", ${JSON.stringify(join(dir, "kernel.json"))}]);`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000, env: { ...env, NODE_OPTIONS: "" } });
    expect(result.status, result.stderr).toBe(0);
    const seen = JSON.parse(result.stdout) as { workerFile: string; loaded: string[] };
    expect(seen.workerFile).toMatch(/control-worker\.js$/);
    expect(seen.loaded).toEqual([]);
  });

  it("starts and runs a cell whatever NODE_OPTIONS the environment sets (the kernelspec clears them for its snapshot)", async () => {
    await withKernel(join(__dirname, "..", "..", "notebooks"), { ...env, NODE_OPTIONS: "--max-old-space-size=3000" }, async (kernel) => {
      const run = await executeCell(kernel, "[1, 2, 3].map((x) => x * 2)");
      expect(run.outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "[ 2, 4, 6 ]" } });
    });
  });
});

describe("the kernel's TypeScript", () => {
  it("is the build's patched bundle, in the kernel started from the kernelspec (see typescript-patches.ts)", async () => {
    // The patched bundle builds its lib-feature table once; the original builds one per call.
    const run = await executeCell(
      client,
      'const kernelTs = require("@tslab/typescript-for-tslab");\nkernelTs.getScriptTargetFeatures() === kernelTs.getScriptTargetFeatures()',
    );
    expect(run.outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "true" } });
  });
});

/** The first output of running `code`. */
async function firstOutput(kernel: KernelClient, code: string): Promise<unknown> {
  return (await executeCell(kernel, code)).outputs[0];
}
const result = (text: string) => ({ output_type: "execute_result", data: { "text/plain": text } });
const NOT_A_STRING = { output_type: "error", ename: "CompileError", evalue: "1:7 - Type 'number' is not assignable to type 'string'." };

describe("cells that import a local module", () => {
  it("compile the module and what it imports, and later cells see the imported names and their types", async () => {
    await withKernel(join(__dirname, "local-module"), env, async (kernel) => {
      expect(await firstOutput(kernel, 'import { twice, twiceSquared } from "./helper";\n[twice(21), twiceSquared(3)]')).toMatchObject(result("[ 42, 18 ]"));
      expect(await firstOutput(kernel, "const n: string = twice(1);")).toMatchObject(NOT_A_STRING);
      expect(await firstOutput(kernel, "twiceSquared(4)")).toMatchObject(result("32"));
    });
  });
});

describe("a kernel in a folder outside any project (no node_modules up the tree)", () => {
  it("imports the folder's own modules, dslab and its subpaths, with console and Node's types", async () => {
    const folder = mkdtempSync(join(tmpdir(), "dslab-cwd-"));
    for (const file of ["helper.ts", "square.ts"]) copyFileSync(join(__dirname, "local-module", file), join(folder, file));
    await withKernel(folder, env, async (kernel) => {
      expect(await firstOutput(kernel, 'import { twice } from "./helper";\nconsole.log(twice(21));')).toMatchObject({ output_type: "stream", text: "42\n" });
      const packages =
        'import { chord } from "dslab";\nimport { display } from "dslab/kernel";\nimport { IntSlider } from "dslab/widgets";\n[typeof display, typeof IntSlider, chord.ring({ bits: 4, nodes: [1, 9] }).ids.length]';
      expect(await firstOutput(kernel, packages)).toMatchObject(result("[ 'function', 'function', 2 ]"));
      expect(await firstOutput(kernel, "const n: string = twice(1);")).toMatchObject(NOT_A_STRING);
      // A value typed by a package of dslab's (arquero), then a later cell using it and the earlier imports.
      expect(await firstOutput(kernel, 'import * as aq from "arquero";\nconst t = aq.table({ a: [1, 2, 3] });\nt.numRows()')).toMatchObject(result("3"));
      expect(await firstOutput(kernel, "t.numRows() + twice(1) + chord.ring({ bits: 4, nodes: [1] }).ids.length")).toMatchObject(result("6"));
    });
  });
});

describe("shutdown", () => {
  it("answers shutdown_request, echoing restart, and exits", async () => {
    const own = await KernelClient.launch({ kernelName: "dslab", cwd: mkdtempSync(join(tmpdir(), "dslab-cwd-")), env });
    // A working directory without node_modules still has console and Node's types.
    expect((await executeCell(own, 'console.log("no project here")')).outputs[0]).toMatchObject({ text: "no project here\n" });
    const exited = new Promise((resolve) => own.process!.once("exit", (code, signal) => resolve({ code, signal })));
    const reply = await own.shutdown(true);
    expect(reply?.content).toEqual({ status: "ok", restart: true });
    // Its stderr says why, if it was killed (zeromq aborts a process that exits with a socket open).
    expect(await exited, own.stderr).toEqual({ code: 0, signal: null });
  });
});
