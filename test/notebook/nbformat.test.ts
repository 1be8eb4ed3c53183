import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNotebook, toLines, withCellIds, writeNotebook, type Notebook } from "../../kernel-ext/notebook/nbformat";
import { runNotebook } from "../../kernel-ext/notebook/run-notebook";
import { WidgetStateTracker } from "../../kernel-ext/notebook/widget-state";
import { PYTHON, hasPythonModules, kernelEnv, toolsAvailable } from "../helpers/jupyter";

const haveNbformat = toolsAvailable("python3-nbformat", hasPythonModules("nbformat"));
const sample = join(__dirname, "..", "kernel", "sample.ipynb");

describe("nbformat helpers", () => {
  it("toLines splits text into lines that keep their newlines", () => {
    expect(toLines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(toLines("a\nb")).toEqual(["a\n", "b"]);
    expect(toLines("")).toEqual([]);
  });
  it("withCellIds keeps valid unique ids and replaces missing, invalid or repeated ones", () => {
    const nb: Notebook = {
      nbformat: 4,
      nbformat_minor: 4,
      metadata: {},
      cells: [
        { cell_type: "code", id: "keep-me", source: "", metadata: {} },
        { cell_type: "code", id: "keep-me", source: "", metadata: {} },
        { cell_type: "markdown", id: "bad id!", source: "", metadata: {} },
        { cell_type: "markdown", source: "", metadata: {} },
      ],
    };
    const ids = withCellIds(nb).cells.map((c) => c.id!);
    expect(ids[0]).toBe("keep-me");
    expect(new Set(ids).size).toBe(4);
    ids.forEach((id) => expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/));
    expect(withCellIds(nb).nbformat_minor).toBe(5);
  });
});

describe("WidgetStateTracker", () => {
  it("follows comm_open, update and echo_update, and forgets closed widgets", () => {
    const tracker = new WidgetStateTracker();
    const state = { _model_name: "IntSliderModel", _model_module: "@jupyter-widgets/controls", _model_module_version: "2.0.0", value: 1 };
    tracker.observe("comm_open", { comm_id: "a", target_name: "jupyter.widget", data: { state, buffer_paths: [] } }, []);
    tracker.observe("comm_open", { comm_id: "b", target_name: "jupyter.widget", data: { state: { ...state, value: 5 }, buffer_paths: [] } }, []);
    tracker.observe("comm_open", { comm_id: "x", target_name: "other", data: {} }, []);
    tracker.observe("comm_msg", { comm_id: "a", data: { method: "update", state: { value: 7 }, buffer_paths: [["data"]] } }, [Buffer.from([1, 2])]);
    tracker.observe("comm_msg", { comm_id: "a", data: { method: "custom", content: {} } }, []);
    tracker.observe("comm_close", { comm_id: "b", data: {} }, []);
    const saved = tracker.metadata();
    expect(saved.version_major).toBe(2);
    expect(Object.keys(saved.state)).toEqual(["a"]);
    expect(saved.state.a).toMatchObject({
      model_name: "IntSliderModel",
      model_module: "@jupyter-widgets/controls",
      model_module_version: "2.0.0",
      state: { value: 7 },
    });
    expect(saved.state.a.buffers).toEqual([{ path: ["data"], encoding: "base64", data: "AQI=" }]);
  });
});

describe("runNotebook and writeNotebook", () => {
  it("executes every code cell, keeps execution counts, and writes nbformat 4.5 that nbformat validates", async () => {
    const result = await runNotebook(readNotebook(sample), { env: kernelEnv(), cwd: __dirname });
    expect(result.status).toBe("ok");
    const code = result.notebook.cells.filter((c) => c.cell_type === "code");
    expect(code.map((c) => c.execution_count)).toEqual([1, 2]);
    expect(code[0].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "hello from dslab\n" },
      { output_type: "execute_result", data: { "text/plain": "56" }, metadata: {}, execution_count: 1 },
    ]);
    const out = join(mkdtempSync(join(tmpdir(), "dslab-nb-")), "out.ipynb");
    writeNotebook(out, result.notebook);
    expect(readFileSync(out, "utf8")).toMatch(/^{\n "cells": \[/);
    if (haveNbformat) execFileSync(PYTHON, ["-c", `import nbformat; nbformat.validate(nbformat.read(${JSON.stringify(out)}, 4))`]);
  }, 60_000);

  it("stops at the first error and keeps it in the cell's outputs", async () => {
    const nb = readNotebook(sample);
    nb.cells.splice(1, 0, { cell_type: "code", source: 'throw new Error("stop here")', metadata: {}, outputs: [], execution_count: null });
    const result = await runNotebook(nb, { env: kernelEnv() });
    expect(result.status).toBe("error");
    expect(result.failedCell).toBe(1);
    expect(result.notebook.cells[1].outputs![0]).toMatchObject({ output_type: "error", ename: "Error", evalue: "stop here" });
    expect(result.notebook.cells[2].execution_count).toBeNull();
  }, 60_000);
});
