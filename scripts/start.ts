// `npm start`: after the build, install the dslab kernelspec for this user, execute every
// notebook and write one self-contained HTML handout per chapter to handouts/.
import { join, relative } from "node:path";
import { buildHandouts } from "../kernel-ext/handout/build-handouts";
import { installKernelspec } from "../kernel-ext/kernelspec";

async function main(): Promise<number> {
  const root = join(__dirname, "..");
  const started = Date.now();
  const kernelDir = installKernelspec({ kind: "user" });
  console.log(`Installed the dslab kernelspec in ${kernelDir}`);
  console.log("Executing the notebooks and writing the handouts...");
  const results = await buildHandouts({
    notebooksDir: join(root, "notebooks"),
    outDir: join(root, "handouts"),
    bundle: { js: join(root, "dist", "frontend", "handout-widgets.js"), css: join(root, "dist", "frontend", "handout-widgets.css") },
    kernel: join(root, "dist", "frontend", "handout-kernel.js"),
    onHandout: (r) => {
      console.log(`  ${relative(root, r.handout)}  ${(r.bytes / 1e6).toFixed(2)} MB  ${r.seconds.toFixed(1)} s  ${r.status}`);
      for (const note of r.notes) console.log(`    note: ${note}`);
    },
  });
  const failed = results.filter((r) => r.status !== "ok");
  console.log(
    `\n${results.length} handouts in ${join(root, "handouts")} (${((Date.now() - started) / 1000).toFixed(1)} s). Open them in any browser; they work offline. Course page: ${join(root, "handouts", "index.html")}`,
  );
  if (failed.length > 0) console.error(`${failed.length} notebook(s) stopped at an error; their handouts show it.`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A kernel that cannot start ends the run at once (KernelClient.launch), with its first stderr lines.
    console.error(`npm start stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
