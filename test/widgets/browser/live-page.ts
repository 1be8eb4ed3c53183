// Browser code of the live widget test: a page that starts a dslab kernel behind jupyter-server
// through @jupyterlab/services, runs a cell and renders its widget outputs with the real
// @jupyter-widgets managers (the HTMLManager wired to the kernel), as a notebook front end does.
import { KernelManager, ServerConnection, type KernelMessage } from "@jupyterlab/services";
import { KernelWidgetManager } from "../../../widgets/frontend/kernel-widget-manager";
import { plotly } from "../../../widgets/frontend/plotly";

const VIEW_MIME = "application/vnd.jupyter.widget-view+json";

/** Where the server is and what to run. */
interface LiveOptions {
  baseUrl: string;
  token: string;
  code: string;
}

async function run({ baseUrl, token, code }: LiveOptions): Promise<string> {
  const serverSettings = ServerConnection.makeSettings({ baseUrl, wsUrl: baseUrl.replace(/^http/, "ws"), token, appendToken: true });
  const kernels = new KernelManager({ serverSettings });
  const kernel = await kernels.startNew({ name: "dslab" });
  const manager = new KernelWidgetManager(kernel);
  const outputs = document.getElementById("outputs")!;
  const future = kernel.requestExecute({ code });
  future.onIOPub = async (msg: KernelMessage.IIOPubMessage) => {
    const type = msg.header.msg_type;
    if (type === "stream" || type === "error") {
      const pre = document.createElement("pre");
      pre.className = `live-${type}`;
      pre.textContent = JSON.stringify(msg.content);
      outputs.append(pre);
    }
    if (type !== "display_data" && type !== "execute_result") return;
    const view = (msg.content as { data: Record<string, { model_id?: string }> }).data[VIEW_MIME];
    if (!view?.model_id) return;
    const host = document.createElement("div");
    host.className = "widget-subarea";
    outputs.append(host);
    const model = await manager.get_model(view.model_id);
    await manager.display_view(await manager.create_view(model), host);
  };
  const reply = await future.done;
  return reply.content.status;
}

(globalThis as { Plotly?: unknown }).Plotly ??= plotly();
(globalThis as { dslabLive?: unknown }).dslabLive = { run };
