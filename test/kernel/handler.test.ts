import { describe, expect, it } from "vitest";
import type { CodeRunner, RunResult } from "../../kernel-ext/kernel/code-runner";
import { KernelHandler, type SendChannel } from "../../kernel-ext/kernel/handler";
import { newMessage, type JupyterMessage } from "../../kernel-ext/wire";

/** A recording fake transport: every message the handler sends, in order. */
function recorder() {
  const sent: { channel: SendChannel; type: string; parent: string | undefined; content: Record<string, unknown> }[] = [];
  return {
    sent,
    transport: {
      send(channel: SendChannel, message: JupyterMessage<unknown>) {
        sent.push({
          channel,
          type: message.header.msg_type,
          parent: (message.parent_header as { msg_id?: string }).msg_id,
          content: message.content as Record<string, unknown>,
        });
      },
    },
  };
}

function fakeRunner(results: Record<string, RunResult>): CodeRunner {
  return {
    execute: async (code) => results[code] ?? { status: "ok", hasValue: false },
    complete: () => ({ matches: ["abs"], cursor_start: 5, cursor_end: 7 }),
    inspect: () => undefined,
    isComplete: (code) => (code.endsWith("{") ? { status: "incomplete", indent: "" } : { status: "complete" }),
    interrupt: () => undefined,
    warmUp: () => undefined,
  };
}

const request = (msgType: string, content: Record<string, unknown>) => newMessage(msgType, "client", content) as JupyterMessage;

describe("KernelHandler with a recording transport", () => {
  it("wraps an execute_request in busy/idle and sends execute_input, execute_result, execute_reply with its parent", async () => {
    const { sent, transport } = recorder();
    const handler = new KernelHandler(fakeRunner({ "1+1": { status: "ok", hasValue: true, value: 2 } }), transport, { session: "s" });
    const req = request("execute_request", { code: "1+1" });
    await handler.handle("shell", req);
    expect(sent.map((m) => [m.channel, m.type])).toEqual([
      ["iopub", "status"],
      ["iopub", "execute_input"],
      ["iopub", "execute_result"],
      ["shell", "execute_reply"],
      ["iopub", "status"],
    ]);
    expect(sent.every((m) => m.parent === req.header.msg_id)).toBe(true);
    expect(sent[0].content).toEqual({ execution_state: "busy" });
    expect(sent[2].content).toEqual({ execution_count: 1, data: { "text/plain": "2" }, metadata: {} });
    expect(sent[3].content).toEqual({ status: "ok", execution_count: 1, user_expressions: {}, payload: [] });
    expect(sent[4].content).toEqual({ execution_state: "idle" });
  });

  it("sends an iopub error and an error reply for a failing cell", async () => {
    const { sent, transport } = recorder();
    const error: RunResult = { status: "error", ename: "RangeError", evalue: "bad", traceback: ["RangeError: bad", "    at cell:1:7"] };
    const handler = new KernelHandler(fakeRunner({ boom: error }), transport, { session: "s" });
    await handler.handle("shell", request("execute_request", { code: "boom" }));
    expect(sent.find((m) => m.type === "error")!.content).toEqual({ ename: "RangeError", evalue: "bad", traceback: ["RangeError: bad", "    at cell:1:7"] });
    expect(sent.find((m) => m.type === "execute_reply")!.content).toEqual({
      status: "error",
      execution_count: 1,
      ename: "RangeError",
      evalue: "bad",
      traceback: ["RangeError: bad", "    at cell:1:7"],
    });
  });

  it("answers comm_info_request with comm_info_reply, filtered by target_name", async () => {
    const { sent, transport } = recorder();
    const handler = new KernelHandler(fakeRunner({}), transport, { session: "s" });
    handler.comms.registerTarget("a", () => undefined);
    handler.comms.registerTarget("b", () => undefined);
    await handler.handle("shell", request("comm_open", { comm_id: "1", target_name: "a", data: {} }));
    await handler.handle("shell", request("comm_open", { comm_id: "2", target_name: "b", data: {} }));
    await handler.handle("shell", request("comm_info_request", { target_name: "a" }));
    const reply = sent.find((m) => m.type === "comm_info_reply")!;
    expect(reply.channel).toBe("shell");
    expect(reply.content).toEqual({ status: "ok", comms: { "1": { target_name: "a" } } });
  });

  it("closes a comm opened for an unknown target", async () => {
    const { sent, transport } = recorder();
    const handler = new KernelHandler(fakeRunner({}), transport, { session: "s" });
    await handler.handle("shell", request("comm_open", { comm_id: "9", target_name: "nobody", data: {} }));
    expect(sent.find((m) => m.type === "comm_close")!.content).toEqual({ comm_id: "9", data: {} });
  });

  it("keeps execution counts, history and is_complete answers", async () => {
    const { sent, transport } = recorder();
    const handler = new KernelHandler(fakeRunner({}), transport, { session: "s" });
    await handler.handle("shell", request("execute_request", { code: "a" }));
    await handler.handle("shell", request("execute_request", { code: "b", store_history: false }));
    await handler.handle("shell", request("execute_request", { code: "c" }));
    await handler.handle("shell", request("history_request", { hist_access_type: "tail", n: 5, output: false }));
    expect(sent.find((m) => m.type === "history_reply")!.content).toEqual({
      status: "ok",
      history: [
        [1, 1, "a"],
        [1, 2, "c"],
      ],
    });
    await handler.handle("shell", request("is_complete_request", { code: "function f() {" }));
    expect(sent.find((m) => m.type === "is_complete_reply")!.content).toEqual({ status: "incomplete", indent: "" });
  });

  it("echoes restart in shutdown_reply on the control channel and then calls onShutdown", async () => {
    const { sent, transport } = recorder();
    let restarted: boolean | undefined;
    const handler = new KernelHandler(fakeRunner({}), transport, { session: "s", onShutdown: (r) => (restarted = r) });
    await handler.handle("control", request("shutdown_request", { restart: true }));
    expect(sent.find((m) => m.type === "shutdown_reply")).toMatchObject({ channel: "control", content: { status: "ok", restart: true } });
    expect(restarted).toBe(true);
  });
});

describe("KernelHandler after a failing cell", () => {
  it("answers the execute_requests queued behind it 'aborted' (stop_on_error), and runs later ones", async () => {
    const { sent, transport } = recorder();
    const error: RunResult = { status: "error", ename: "Error", evalue: "x", traceback: [] };
    const ran: string[] = [];
    const runner = fakeRunner({ boom: error });
    const handler = new KernelHandler(
      {
        ...runner,
        execute: (code) => {
          ran.push(code);
          return runner.execute(code);
        },
      },
      transport,
      { session: "s" },
    );
    const queued = [
      handler.handle("shell", request("execute_request", { code: "boom" })),
      handler.handle("shell", request("execute_request", { code: "next" })),
    ];
    const info = handler.handle("shell", request("kernel_info_request", {}));
    await Promise.all([...queued, info]);
    expect(ran).toEqual(["boom"]);
    expect(sent.filter((m) => m.type === "execute_reply").map((m) => m.content.status)).toEqual(["error", "aborted"]);
    expect(sent.some((m) => m.type === "kernel_info_reply")).toBe(true);
    await handler.handle("shell", request("execute_request", { code: "later" }));
    expect(ran).toEqual(["boom", "later"]);
  });
});

describe("KernelHandler when handling a request throws", () => {
  it("answers it with an error reply of its type, then the idle status, and serves the next request", async () => {
    const { sent, transport } = recorder();
    const runner = fakeRunner({});
    const handler = new KernelHandler(
      {
        ...runner,
        complete: () => {
          throw new TypeError("path.indexOf is not a function");
        },
      },
      transport,
      { session: "s", log: () => undefined },
    );
    const req = request("complete_request", { code: "Math.", cursor_pos: 5 });
    await handler.handle("shell", req);
    expect(sent.map((m) => [m.type, m.parent])).toEqual([
      ["status", req.header.msg_id],
      ["complete_reply", req.header.msg_id],
      ["status", req.header.msg_id],
    ]);
    expect(sent[1].content).toMatchObject({ status: "error", ename: "TypeError", evalue: "path.indexOf is not a function" });
    await handler.handle("shell", request("kernel_info_request", {}));
    expect(sent.some((m) => m.type === "kernel_info_reply")).toBe(true);
  });

  it("answers an execute_request whose run throws inside the kernel with an error execute_reply", async () => {
    const { sent, transport } = recorder();
    const runner = fakeRunner({});
    const handler = new KernelHandler(
      {
        ...runner,
        execute: async () => {
          throw new Error("broken runner");
        },
      },
      transport,
      { session: "s", log: () => undefined },
    );
    await handler.handle("shell", request("execute_request", { code: "1" }));
    expect(sent.find((m) => m.type === "execute_reply")!.content).toMatchObject({ status: "error", evalue: "broken runner", execution_count: 1 });
    expect(sent[sent.length - 1]).toMatchObject({ type: "status", content: { execution_state: "idle" } });
  });
});

describe("input() over the stdin channel", () => {
  /** A handler whose every cell asks for a line and shows the answer (or the error) as its value. */
  function askingKernel() {
    const { sent, transport } = recorder();
    const logged: string[] = [];
    let interrupted = false;
    const handler: KernelHandler = new KernelHandler(
      {
        ...fakeRunner({}),
        execute: async (code) => {
          const api = handler.api();
          try {
            return { status: "ok", hasValue: true, value: await api.input!(code, { password: code.startsWith("secret") }) };
          } catch (error) {
            return { status: "error", ename: (error as Error).name, evalue: (error as Error).message, traceback: [] };
          }
        },
        interrupt: () => {
          interrupted = true;
        },
      },
      transport,
      { session: "s", log: (text) => logged.push(text) },
    );
    const stdinRequest = async () => {
      await expect.poll(() => sent.some((m) => m.channel === "stdin")).toBe(true);
      return sent.find((m) => m.channel === "stdin")!;
    };
    return { sent, handler, logged, stdinRequest, wasInterrupted: () => interrupted };
  }

  it("sends input_request on stdin under the running cell and resolves with the input_reply's value", async () => {
    const { sent, handler, stdinRequest } = askingKernel();
    const cell = request("execute_request", { code: "secret: ", allow_stdin: true });
    const done = handler.handle("shell", cell);
    const asked = await stdinRequest();
    expect(asked).toMatchObject({ type: "input_request", parent: cell.header.msg_id, content: { prompt: "secret: ", password: true } });
    // jupyter_client's input() sends its reply with no parent header; the waiting cell takes it.
    await handler.handle("stdin", request("input_reply", { value: "Ada" }));
    await done;
    expect(sent.find((m) => m.type === "execute_result")!.content).toMatchObject({ data: { "text/plain": "'Ada'" } });
    expect(sent.find((m) => m.type === "execute_reply")!.content).toMatchObject({ status: "ok" });
  });

  it("refuses with StdinNotImplementedError when the request says allow_stdin: false (nbconvert, dslab run)", async () => {
    const { sent, handler } = askingKernel();
    await handler.handle("shell", request("execute_request", { code: "name? ", allow_stdin: false }));
    expect(sent.some((m) => m.channel === "stdin")).toBe(false);
    expect(sent.find((m) => m.type === "execute_reply")!.content).toMatchObject({
      status: "error",
      ename: "StdinNotImplementedError",
      evalue: expect.stringContaining("allow_stdin: false"),
    });
  });

  it("ends a waiting input() with KeyboardInterrupt when the cell is interrupted, and the next cell asks again", async () => {
    const { sent, handler, stdinRequest, wasInterrupted } = askingKernel();
    const done = handler.handle("shell", request("execute_request", { code: "name? ", allow_stdin: true }));
    await stdinRequest();
    await handler.handle("control", request("interrupt_request", {}));
    await done;
    expect(wasInterrupted()).toBe(true);
    expect(sent.find((m) => m.type === "execute_reply")!.content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    sent.length = 0;
    const again = handler.handle("shell", request("execute_request", { code: "again? ", allow_stdin: true }));
    await stdinRequest();
    await handler.handle("stdin", request("input_reply", { value: "yes" }));
    await again;
    expect(sent.find((m) => m.type === "execute_reply")!.content).toMatchObject({ status: "ok" });
  });

  it("drops an input_reply nobody waits for, saying so in the kernel's log only", async () => {
    const { sent, handler, logged } = askingKernel();
    await handler.handle("stdin", request("input_reply", { value: "stray" }));
    expect(sent).toEqual([]);
    expect(logged.join("")).toMatch(/ignoring input_reply on stdin: no input\(\) is waiting/);
  });
});
