import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PYTHON, hasPythonModules, kernelEnv, toolsAvailable } from "../helpers/jupyter";

const run = promisify(execFile);
const haveKernelTest = toolsAvailable("python3-jupyter-kernel-test", hasPythonModules("jupyter_kernel_test", "jupyter_client"));
const haveNbconvert = toolsAvailable("jupyter-nbconvert / python3-nbclient", hasPythonModules("nbconvert", "nbclient"));

describe("Jupyter's own tools against the dslab kernel", () => {
  it.runIf(haveKernelTest)(
    "passes jupyter_kernel_test's conformance suite, history included",
    async () => {
      const result = await run(PYTHON, ["-m", "unittest", "-v", "conformance"], { cwd: __dirname, env: kernelEnv(), timeout: 240_000 }).catch(
        (e: { stdout: string; stderr: string }) => e,
      );
      const report = result.stderr;
      expect(report, report).toMatch(/\nOK/);
      for (const name of [
        "test_kernel_info",
        "test_execute_stdout",
        "test_execute_stderr",
        "test_error",
        "test_execute_result",
        "test_display_data",
        "test_history",
        "test_completion",
        "test_inspect",
        "test_is_complete",
        "test_clear_output",
      ]) {
        expect(report).toMatch(new RegExp(`${name} .* \\.\\.\\. ok`));
      }
    },
    300_000,
  );

  it.runIf(haveKernelTest)(
    "asks for input over the stdin channel with jupyter_client: answered, hidden, refused without allow_stdin, interrupted",
    async () => {
      const { stdout } = await run(PYTHON, ["stdin_client.py"], { cwd: __dirname, env: kernelEnv(), timeout: 120_000 });
      const results = JSON.parse(stdout);
      expect(results.answered).toEqual({
        asked: { parent: true, prompt: "Your name: ", password: false },
        stdout: "hello Ada\n",
        status: "ok",
        ename: null,
        evalue: null,
      });
      expect(results.password).toMatchObject({ asked: { prompt: "Password: ", password: true }, stdout: "7 characters\n", status: "ok" });
      expect(results.refused).toMatchObject({
        asked: null,
        status: "error",
        ename: "StdinNotImplementedError",
        evalue: expect.stringContaining("allow_stdin: false"),
      });
      // The cell ends with the interrupt error of any awaiting cell (tslab: "Interrupted asynchronously").
      expect(results.interrupted).toMatchObject({ status: "error", evalue: expect.stringMatching(/Interrupted/) });
      expect(results.after).toMatchObject({ status: "ok", stdout: "still here\n" });
    },
    150_000,
  );

  it.runIf(haveNbconvert)(
    "executes a sample notebook with `jupyter nbconvert --to notebook --execute`",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "dslab-nbconvert-"));
      copyFileSync(join(__dirname, "sample.ipynb"), join(dir, "sample.ipynb"));
      await run(PYTHON, ["-m", "nbconvert", "--to", "notebook", "--execute", "sample.ipynb", "--output", "executed.ipynb"], {
        cwd: dir,
        env: kernelEnv(),
        timeout: 120_000,
      });
      const notebook = JSON.parse(readFileSync(join(dir, "executed.ipynb"), "utf8"));
      const outputs = notebook.cells.filter((c: { cell_type: string }) => c.cell_type === "code").map((c: { outputs: unknown[] }) => c.outputs);
      expect(outputs[0]).toContainEqual(expect.objectContaining({ output_type: "execute_result", data: { "text/plain": ["56"] } }));
      expect(JSON.stringify(outputs[0])).toContain("hello from dslab");
      expect(JSON.stringify(outputs[1])).toContain("application/vnd.plotly.v1+json");
    },
    150_000,
  );
});
