import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelClient } from "../../kernel-ext/client/kernel-client";
import * as zmq from "zeromq";
import { createSigner, encodeMessage, newMessage, type JupyterMessage } from "../../kernel-ext/wire";
import { kernelEnv } from "../helpers/jupyter";

// The real kernel process over ZMQ, probed as front ends and careless users would (issues 11 and 14).
let client: KernelClient;
const env = kernelEnv();
const notebooks = join(__dirname, "..", "..", "notebooks");

beforeAll(async () => {
  client = await KernelClient.launch({ kernelName: "dslab", cwd: notebooks, env });
});
afterAll(async () => {
  await client?.dispose();
});

/** Everything a request caused on iopub, up to its idle status, and its reply. */
interface Exchange {
  reply: JupyterMessage;
  iopub: JupyterMessage[];
}

/** Sends a request and collects its iopub messages until its idle status (which must come). */
function exchange(
  kernel: KernelClient,
  msgType: string,
  content: Record<string, unknown>,
  timeoutMs = 60_000,
  metadata: Record<string, unknown> = {},
): Promise<Exchange> {
  const iopub: JupyterMessage[] = [];
  let msgId = "";
  const early: JupyterMessage[] = [];
  let idle!: () => void;
  const idleSeen = new Promise<void>((resolve) => (idle = resolve));
  const take = (m: JupyterMessage) => {
    iopub.push(m);
    if (m.header.msg_type === "status" && (m.content as { execution_state: string }).execution_state === "idle") idle();
  };
  const stop = kernel.onIopub((m) => {
    const parent = (m.parent_header as { msg_id?: string }).msg_id;
    if (!msgId) early.push(m);
    else if (parent === msgId) take(m);
  });
  const sent = kernel.sendRequest("shell", msgType, content, { metadata });
  msgId = sent.msgId;
  for (const m of early.splice(0)) if ((m.parent_header as { msg_id?: string }).msg_id === msgId) take(m);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no idle status for ${msgType} within ${timeoutMs} ms (saw ${iopub.length} iopub messages)`)), timeoutMs),
  );
  return Promise.race([Promise.all([sent.reply, idleSeen]).then(([reply]) => ({ reply, iopub })), timeout]).finally(stop);
}

const execute = (kernel: KernelClient, code: string, extra: Record<string, unknown> = {}, timeoutMs?: number) =>
  exchange(
    kernel,
    "execute_request",
    { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true, ...extra },
    timeoutMs,
  );

const streamText = (messages: JupyterMessage[], name = "stdout") =>
  messages
    .filter((m) => m.header.msg_type === "stream" && (m.content as { name: string }).name === name)
    .map((m) => (m.content as { text: string }).text)
    .join("");

/** Prints the kernel's used heap after a full garbage collection. */
const HEAP_USED = "require('v8').setFlagsFromString('--expose-gc');\nrequire('vm').runInNewContext('gc')();\nconsole.log(process.memoryUsage().heapUsed);";

function lines(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${i}\n`);
  return out.join("");
}

describe("a cell that prints a lot", () => {
  it("delivers every one of 10,000 lines in order, batched into few messages, then the idle status", async () => {
    const run = await execute(client, "for (let i = 0; i < 10_000; i++) console.log(i);");
    expect((run.reply.content as { status: string }).status).toBe("ok");
    expect(streamText(run.iopub)).toBe(lines(10_000));
    expect(run.iopub.filter((m) => m.header.msg_type === "stream").length).toBeLessThan(100);
  });

  it("delivers every one of 1,000,000 lines in order, and its memory returns after the cell", async () => {
    const heapUsed = async () => Number(streamText((await execute(client, HEAP_USED)).iopub).trim());
    const before = await heapUsed();
    const run = await execute(client, "for (let i = 0; i < 1_000_000; i++) console.log(i);", {}, 120_000);
    expect((run.reply.content as { status: string }).status).toBe("ok");
    const text = streamText(run.iopub);
    expect(text.length).toBe(lines(1_000_000).length);
    expect(text === lines(1_000_000)).toBe(true);
    expect(run.iopub.filter((m) => m.header.msg_type === "stream").length).toBeLessThan(1000);
    // Nothing of the million lines stays reachable in the kernel (its heap after a full GC).
    expect(await heapUsed()).toBeLessThan(before + 20e6);
  }, 180_000);

  it("keeps stdout and stderr interleaved as written, and output after an await under its cell", async () => {
    const run = await execute(
      client,
      'console.log("a"); console.error("b"); console.log("c");\nawait new Promise((r) => setTimeout(r, 100));\nconsole.log("d");',
    );
    const streams = run.iopub
      .filter((m) => m.header.msg_type === "stream")
      .map((m) => [(m.content as { name: string }).name, (m.content as { text: string }).text]);
    expect(streams).toEqual([
      ["stdout", "a\n"],
      ["stderr", "b\n"],
      ["stdout", "c\n"],
      ["stdout", "d\n"],
    ]);
  });
});

const statusOf = (run: Exchange) => (run.reply.content as { status: string }).status;

describe("Run All stops at the first error (ipykernel's _abort_queues)", () => {
  it("answers execute_requests queued behind a failing cell with stop_on_error 'aborted', without running them, then runs new ones", async () => {
    const first = execute(client, 'await new Promise((r) => setTimeout(r, 300));\nthrow new Error("first fails");');
    const second = execute(client, '(globalThis as any).abortedRan = true;\n"second"');
    const third = execute(client, '"third"');
    expect(statusOf(await first)).toBe("error");
    const [b, c] = [await second, await third];
    expect([statusOf(b), statusOf(c)]).toEqual(["aborted", "aborted"]);
    expect(b.iopub.map((m) => m.header.msg_type)).toEqual(["status", "status"]);
    const after = await execute(client, "(globalThis as any).abortedRan === true");
    expect(statusOf(after)).toBe("ok");
    expect(after.iopub.find((m) => m.header.msg_type === "execute_result")!.content).toMatchObject({ data: { "text/plain": "false" } });
  });

  it("runs the queued cells when stop_on_error is false", async () => {
    const first = execute(client, 'await new Promise((r) => setTimeout(r, 300));\nthrow new Error("first fails");', { stop_on_error: false });
    const second = execute(client, '"second"');
    expect(statusOf(await first)).toBe("error");
    expect(statusOf(await second)).toBe("ok");
  });

  it("aborts the cells queued behind an interrupted one, also those still in the socket while a loop blocked the kernel", async () => {
    const first = execute(client, "while (true) {}");
    await new Promise((r) => setTimeout(r, 300));
    const second = execute(client, '"second"');
    await new Promise((r) => setTimeout(r, 100));
    await client.request("control", "interrupt_request", {}, { timeoutMs: 2000 });
    expect(statusOf(await first)).toBe("error");
    expect(statusOf(await second)).toBe("aborted");
    expect(statusOf(await execute(client, '"after"'))).toBe("ok");
  });
});

/** The comm id of the first widget a cell opens. */
async function widgetCommOf(kernel: KernelClient, code: string): Promise<string> {
  const run = await execute(kernel, code);
  const open = run.iopub.find((m) => m.header.msg_type === "comm_open");
  if (!open) throw new Error(`no comm_open from ${code}`);
  return (open.content as { comm_id: string }).comm_id;
}

describe("hostile comm messages", () => {
  for (const key of ["__proto__", "constructor", "prototype"]) {
    it(`refuses a widget update whose buffer_paths name ${key}, leaving Object.prototype and later cells unharmed`, async () => {
      const commId = await widgetCommOf(client, 'import { IntSlider } from "dslab/widgets";\nnew IntSlider({ value: 1, min: 0, max: 10 })');
      const path =
        key === "__proto__" ? ["__proto__", "polluted"] : key === "constructor" ? ["constructor", "prototype", "polluted"] : ["value", "prototype", "polluted"];
      client.post(
        "comm_msg",
        { comm_id: commId, data: { method: "update", state: { value: 2 }, buffer_paths: [path] } },
        { buffers: [Buffer.from([1, 2, 3])] },
      );
      const check = await execute(client, "[({} as any).polluted === undefined, Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')]");
      expect(check.iopub.find((m) => m.header.msg_type === "execute_result")!.content).toMatchObject({ data: { "text/plain": "[ true, false ]" } });
      const later = await execute(client, 'import { interact } from "dslab/widgets";\ninteract(({ k }) => k * 2, { k: [1, 5] });');
      expect(statusOf(later)).toBe("ok");
    });
  }

  it("answers every request after user code puts an array on Object.prototype", async () => {
    try {
      expect(statusOf(await execute(client, "(Object.prototype as any).x = [1];"))).toBe("ok");
      expect(statusOf(await execute(client, 'import { interact } from "dslab/widgets";\ninteract(({ k }) => k * 2, { k: [1, 5] });'))).toBe("ok");
      const complete = await client.request("shell", "complete_request", { code: "Math.ma", cursor_pos: 7 }, { timeoutMs: 10_000 });
      expect((complete.content as { status: string }).status).toBe("ok");
    } finally {
      await execute(client, "delete (Object.prototype as any).x;");
    }
  });
});

/** Resolves when the kernel prints `text` on stdout (a cell that has started). */
function printed(kernel: KernelClient, text: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = kernel.onIopub((m) => {
      if (m.header.msg_type === "stream" && String((m.content as { text: string }).text).includes(text)) {
        stop();
        resolve();
      }
    });
  });
}

describe("interrupting asynchronous cells", () => {
  it("stops a loop that awaits timers: after the interrupt it never resumes", async () => {
    // (The test waits for the cell to print before interrupting: an interrupt with nothing running does nothing.)
    const started = printed(client, "ticking");
    const running = execute(
      client,
      '(globalThis as any).ticks = 0;\nconsole.log("ticking");\nwhile (true) {\n  await new Promise((r) => setTimeout(r, 20));\n  (globalThis as any).ticks++;\n}',
    );
    await started;
    await new Promise((r) => setTimeout(r, 200));
    await client.request("control", "interrupt_request", {}, { timeoutMs: 5000 });
    expect(statusOf(await running)).toBe("error");
    const ticks = async () => Number(streamText((await execute(client, "console.log((globalThis as any).ticks)")).iopub));
    const first = await ticks();
    expect(first).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await ticks()).toBe(first);
  }, 30_000);

  it("leaves timers of other cells running", async () => {
    await execute(client, "(globalThis as any).other = 0;\nconst otherTimer = setInterval(() => (globalThis as any).other++, 20);");
    const started = printed(client, "waiting");
    const running = execute(client, 'console.log("waiting");\nwhile (true) await new Promise((r) => setTimeout(r, 20));');
    await started;
    await client.request("control", "interrupt_request", {}, { timeoutMs: 5000 });
    await running;
    const other = async () => Number(streamText((await execute(client, "console.log((globalThis as any).other)")).iopub));
    const first = await other();
    await new Promise((r) => setTimeout(r, 300));
    expect(await other()).toBeGreaterThan(first);
    await execute(client, "clearInterval(otherTimer);");
  }, 30_000);
});

describe("smaller protocol points", () => {
  it("evaluates user_expressions after a cell, each to a MIME bundle or an error", async () => {
    const run = await execute(client, "const userExprBase = 20;", { user_expressions: { sum: "userExprBase + 1", bad: "missingName + 1" } });
    const content = run.reply.content as { status: string; user_expressions: Record<string, { status: string; data?: unknown; ename?: string }> };
    expect(content.status).toBe("ok");
    expect(content.user_expressions.sum).toEqual({ status: "ok", data: { "text/plain": "21" }, metadata: {} });
    expect(content.user_expressions.bad).toMatchObject({ status: "error", ename: "CompileError" });
  });

  it("answers is_complete: an open template literal is incomplete, a stray `}` or an unterminated string invalid, casts complete", async () => {
    const status = async (code: string) => ((await client.request("shell", "is_complete_request", { code })).content as { status: string }).status;
    expect(await status("let s = `abc ")).toBe("incomplete");
    expect(await status("}")).toBe("invalid");
    expect(await status("const q = 'abc")).toBe("invalid");
    expect(await status("function f() {")).toBe("incomplete");
    expect(await status("const n = <number>(1 as unknown);")).toBe("complete");
    expect(await status("const t = `a ${1}`;")).toBe("complete");
  });

  it("displays a raw MIME bundle as given with display(bundle, { raw: true })", async () => {
    const run = await execute(client, 'import { display } from "dslab/kernel";\ndisplay({ "text/html": "<b>bold</b>", "text/plain": "bold" }, { raw: true });');
    const shown = run.iopub.find((m) => m.header.msg_type === "display_data")!;
    expect((shown.content as { data: unknown }).data).toEqual({ "text/html": "<b>bold</b>", "text/plain": "bold" });
  });

  it("counts complete_request positions in code points (an emoji is one), and clamps a cursor out of range", async () => {
    const code = "const s = '😀😀'; Math.ma";
    const reply = await client.request("shell", "complete_request", { code, cursor_pos: 23 });
    expect(reply.content).toMatchObject({ status: "ok", cursor_start: 21, cursor_end: 23 });
    expect((reply.content as { matches: string[] }).matches).toContain("max");
    const beyond = await client.request("shell", "complete_request", { code: "Math.ma", cursor_pos: 1000 });
    expect(beyond.content).toMatchObject({ status: "ok", cursor_start: 5, cursor_end: 7 });
  });

  it("reports in language_info.version the version of the TypeScript that type-checks cells", async () => {
    const info = await client.request("shell", "kernel_info_request", {});
    const version = (info.content as { language_info: { version: string } }).language_info.version;
    const run = await execute(client, 'console.log(require("@tslab/typescript-for-tslab").version)');
    expect(version).toBe(streamText(run.iopub).trim());
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("closes a comm whose target throws on comm_open, tells the front end, and reports it", async () => {
    await execute(
      client,
      'import { registerCommTarget } from "dslab/kernel";\nregisterCommTarget("fails-to-open", () => { throw new Error("cannot open"); });',
    );
    const closed = new Promise<JupyterMessage>((resolve) => {
      const stop = client.onIopub((m) => {
        if (m.header.msg_type === "comm_close" && (m.content as { comm_id: string }).comm_id === "bad-open") {
          stop();
          resolve(m);
        }
      });
    });
    const reported = printedOn(client, "stderr", "cannot open");
    client.post("comm_open", { comm_id: "bad-open", target_name: "fails-to-open", data: {} });
    await closed;
    expect(await reported).toContain("comm target fails-to-open");
    const info = await client.request("shell", "comm_info_request", {});
    expect(Object.keys((info.content as { comms: object }).comms)).not.toContain("bad-open");
  });
});

/** Resolves with the first text on a stream that contains `text`. */
function printedOn(kernel: KernelClient, name: "stdout" | "stderr", text: string): Promise<string> {
  return new Promise((resolve) => {
    const stop = kernel.onIopub((m) => {
      const content = m.content as { name?: string; text?: string };
      if (m.header.msg_type === "stream" && content.name === name && String(content.text).includes(text)) {
        stop();
        resolve(String(content.text));
      }
    });
  });
}

describe("plotly.js in saved figure outputs", () => {
  const FIGURE = 'import { display } from "dslab/kernel";\ndisplay({ data: [{ type: "scatter", x: [1, 2], y: [3, 4] }] });';
  /** Whether the figure a cell (run as JupyterLab would, with its cell id) displays carries plotly.js. */
  const carriesPlotly = async (cellId: string, deletedCells: string[] = []) => {
    const run = await exchange(
      client,
      "execute_request",
      { code: FIGURE, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      60_000,
      { cellId, deletedCells },
    );
    const html = String((run.iopub.find((m) => m.header.msg_type === "display_data")!.content as { data: Record<string, unknown> }).data["text/html"]);
    expect(html).toContain("Plotly.newPlot");
    return html.includes("var define,module,exports;");
  };

  it("is inlined again after the cell holding it is re-run or deleted, so every saved figure draws in an export", async () => {
    // A fresh kernel: which cell holds plotly.js is state of the session.
    const own = await KernelClient.launch({ kernelName: "dslab", cwd: notebooks, env });
    const saved = client;
    client = own;
    try {
      expect(await carriesPlotly("cell-a")).toBe(true);
      expect(await carriesPlotly("cell-b")).toBe(false);
      // Re-running cell-a replaces the output that held plotly.js: its new figure carries it.
      expect(await carriesPlotly("cell-a")).toBe(true);
      expect(await carriesPlotly("cell-b")).toBe(false);
      // Deleting cell-a (JupyterLab lists it in deletedCells): the next figure carries it.
      expect(await carriesPlotly("cell-c", ["cell-a"])).toBe(true);
      expect(await carriesPlotly("cell-b")).toBe(false);
    } finally {
      client = saved;
      await own.dispose();
    }
  }, 60_000);
});

describe("replayed and forged messages", () => {
  it("runs a replayed signed execute_request once (duplicate signatures are refused)", async () => {
    await execute(client, "(globalThis as any).replayed = 0;");
    const message = newMessage("execute_request", client.session, {
      code: "(globalThis as any).replayed++;",
      silent: false,
      store_history: false,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: false,
    });
    const frames = encodeMessage(message, createSigner(client.info.key, client.info.signature_scheme));
    client.sendRaw(frames);
    client.sendRaw(frames);
    await new Promise((r) => setTimeout(r, 500));
    const run = await execute(client, "console.log((globalThis as any).replayed)");
    expect(streamText(run.iopub).trim()).toBe("1");
  });

  it("logs a dropped control message on the kernel's stderr only, never into the running cell's output", async () => {
    const running = execute(client, 'console.log("running");\nawait new Promise((r) => setTimeout(r, 800));');
    await printed(client, "running");
    const control = new zmq.Dealer({ linger: 0 });
    control.connect(`tcp://${client.info.ip}:${client.info.control_port}`);
    const forged = newMessage("kernel_info_request", "intruder", {});
    await control.send(encodeMessage(forged, createSigner("not-the-key")));
    const run = await running;
    control.close();
    expect(streamText(run.iopub, "stderr")).toBe("");
    expect(streamText(run.iopub)).toBe("running\n");
  });
});
