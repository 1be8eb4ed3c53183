// Browser code of bench/cluster-explorer-page.bench.ts: the explorer's view in a page through the
// real HTMLManager, redrawn for each state of a recorded run, one animation frame per state.
import { DslabHtmlManager } from "../../widgets/frontend/dslab-html-manager";

async function drawAll(
  states: { cluster: unknown; events: unknown[] }[],
  protocol: "raft" | "paxos" = "raft",
): Promise<{ frames: number; seconds: number; syncSeconds: number }> {
  const manager = new DslabHtmlManager();
  const model = await manager.new_model(
    {
      model_id: `bench-explorer-${protocol}`,
      model_name: "ClusterExplorerModel",
      model_module: "dslab",
      model_module_version: "0.1.0",
      view_name: "ClusterExplorerView",
      view_module: "dslab",
      view_module_version: "0.1.0",
    },
    { protocol, cluster: states[0].cluster, events: states[0].events },
  );
  const host = document.getElementById("out")!;
  await manager.display_view(await manager.create_view(model), host);
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await frame();
  // Redraws back to back: how fast the view draws a state (each set redraws synchronously).
  const syncStart = performance.now();
  for (const state of states) model.set({ cluster: state.cluster, events: state.events });
  const syncSeconds = (performance.now() - syncStart) / 1000;
  // One state per animation frame, as a reader sees it played.
  const start = performance.now();
  for (const state of states) {
    model.set({ cluster: state.cluster, events: state.events });
    await frame();
  }
  return { frames: states.length, seconds: (performance.now() - start) / 1000, syncSeconds };
}

(window as unknown as { drawAll: typeof drawAll }).drawAll = drawAll;
