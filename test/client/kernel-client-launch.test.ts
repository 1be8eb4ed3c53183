import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { firstLines, KernelClient } from "../../kernel-ext/client/kernel-client";

/** A JUPYTER_PATH holding one kernelspec named "dying" whose process runs `script` with this Node.js. */
function dyingKernel(script: string): NodeJS.ProcessEnv {
  const jupyterPath = mkdtempSync(join(tmpdir(), "dslab-dying-"));
  mkdirSync(join(jupyterPath, "kernels", "dying"), { recursive: true });
  const spec = { argv: [process.execPath, "-e", script, "{connection_file}"], display_name: "dying", language: "typescript" };
  writeFileSync(join(jupyterPath, "kernels", "dying", "kernel.json"), JSON.stringify(spec));
  return { ...process.env, JUPYTER_PATH: jupyterPath };
}

describe("KernelClient.launch, when the kernel process dies as it starts", () => {
  // The heartbeat's timeout is a minute here: only the process's death can end these launches in the test's time.
  it("fails at once, naming the signal that killed it and showing its first stderr lines", async () => {
    const env = dyingKernel('console.error("first line of the crash"); console.error("second line"); process.abort()');
    const launch = KernelClient.launch({ kernelName: "dying", env }, 60_000);
    await expect(launch).rejects.toThrow(
      /^the kernel process was killed by SIGABRT as it started \(.*\)\nits stderr:\n {2}first line of the crash\n {2}second line/,
    );
  });

  it("fails at once, naming the exit code, when the kernel exits", async () => {
    const env = dyingKernel('console.error("no such module"); process.exit(3)');
    await expect(KernelClient.launch({ kernelName: "dying", env }, 60_000)).rejects.toThrow(
      /^the kernel process exited with code 3 as it started .*\nits stderr:\n {2}no such module$/,
    );
  });
  it("starts the kernel again on new ports when it could not bind one, three times in all", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "dslab-ports-")), "attempts.log");
    const script = [
      `const info = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));`,
      `require("node:fs").appendFileSync(${JSON.stringify(log)}, [info.shell_port, info.iopub_port, info.stdin_port, info.control_port, info.hb_port].join(" ") + "\\n");`,
      'console.error("dslab kernel: the control channel failed: Error: Address already in use");',
      "process.exit(1);",
    ].join("\n");
    await expect(KernelClient.launch({ kernelName: "dying", env: dyingKernel(script) }, 60_000)).rejects.toThrow(/Address already in use/);
    const attempts = readFileSync(log, "utf8").trim().split("\n");
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts).size).toBe(3);
  });

  it("leaves nothing running after the failure: a program whose launch failed ends by itself", async () => {
    const env = dyingKernel("process.abort()");
    const client = join(__dirname, "..", "..", "dist", "kernel-ext", "client", "kernel-client.js");
    const script = `require(${JSON.stringify(client)}).KernelClient.launch({ kernelName: "dying" }, 60000).catch((e) => console.log(e.message.split("\\n")[0]))`;
    // Killed after 25 s, well before the launch's own minute, if a heartbeat loop kept it alive.
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { env, timeout: 25_000 });
    expect(stdout).toMatch(/^the kernel process was killed by SIGABRT as it started/);
  });
});

describe("firstLines(text, what)", () => {
  it("keeps the first non-empty lines, indented, and counts the rest", () => {
    expect(firstLines("a\n\nb\nc\nd\n", "stderr", 2)).toBe("stderr:\n  a\n  b\n  ... (2 more lines)");
    expect(firstLines("", "stderr")).toBe("stderr: (empty)");
  });
});
