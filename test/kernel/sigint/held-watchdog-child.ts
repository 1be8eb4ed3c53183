// Run in its own process by sigint-watchdog.test.ts (SIGINT goes to the whole process): holds the
// watchdog, then sends itself SIGINT from a worker thread at each step and reports what happened.
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { holdSigintWatchdog } from "../../../kernel-ext/kernel/sigint-watchdog";

/** SIGINT from another thread after `ms` (this thread may be in a loop by then). */
function sigintAfter(ms: number): Worker {
  return new Worker(`setTimeout(() => process.kill(${process.pid}, "SIGINT"), ${ms})`, { eval: true });
}

/** Runs an endless loop as a cell does (breakOnSigint) until SIGINT breaks it; the error's code, or "not broken". */
async function loopUntilSigint(): Promise<string> {
  const worker = sigintAfter(150);
  await new Promise((resolve) => worker.once("online", resolve));
  try {
    vm.runInThisContext("for (const end = Date.now() + 10_000; Date.now() < end; );", { breakOnSigint: true });
    return "not broken";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await worker.terminate();
  }
}

/** Sends SIGINT while this thread is idle; whether this process saw it as pending. */
async function idleSigint(hold: ReturnType<typeof holdSigintWatchdog>): Promise<boolean> {
  const worker = sigintAfter(0);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await worker.terminate();
  return hold?.takePending() ?? false;
}

async function main(): Promise<void> {
  const hold = holdSigintWatchdog();
  const report: Record<string, unknown> = { held: hold !== undefined };
  report.loopBroken = await loopUntilSigint();
  report.pendingAfterLoop = hold?.takePending();
  report.idlePending = await idleSigint(hold);
  report.idlePendingTakenOnce = hold?.takePending();
  // A cell's own SIGINT listener takes the signal while it is there...
  let heard = 0;
  const listener = () => heard++;
  process.on("SIGINT", listener);
  report.loopBrokenWithListener = await loopUntilSigint();
  await idleSigint(hold);
  report.listenerHeard = heard;
  // ...and once it is gone, the watchdog has SIGINT again (not its default action: exiting).
  process.off("SIGINT", listener);
  report.loopBrokenAfterListener = await loopUntilSigint();
  report.idlePendingAfterListener = await idleSigint(hold);
  console.log(JSON.stringify(report));
}

void main();
