import { shims } from "@jupyter-widgets/base";
import type { Kernel, KernelMessage } from "@jupyterlab/services";
import { DslabHtmlManager } from "./dslab-html-manager";

/**
 * A widget manager wired to a live kernel through a @jupyterlab/services connection: comms the
 * kernel opens become models, models the page creates open comms. It is what JupyterLab's own
 * KernelWidgetManager does, minus the notebook, so a plain page can drive a kernel's widgets.
 */
export class KernelWidgetManager extends DslabHtmlManager {
  constructor(readonly kernel: Kernel.IKernelConnection) {
    super();
    kernel.registerCommTarget(this.comm_target_name, async (comm, msg) => {
      await this.handle_comm_open(new shims.services.Comm(comm), msg);
    });
  }

  override async _create_comm(
    targetName: string,
    modelId: string,
    data?: object,
    metadata?: object,
    buffers?: ArrayBuffer[] | ArrayBufferView[],
  ): Promise<shims.services.Comm> {
    const comm = this.kernel.createComm(targetName, modelId);
    if (data || metadata) comm.open(data as never, metadata as never, buffers);
    return new shims.services.Comm(comm);
  }

  override async _get_comm_info(): Promise<Record<string, unknown>> {
    const reply = (await this.kernel.requestCommInfo({ target_name: this.comm_target_name })) as KernelMessage.ICommInfoReplyMsg;
    return reply.content.status === "ok" ? reply.content.comms : {};
  }
}
