/** The saved state of one widget model (application/vnd.jupyter.widget-state+json). */
export interface SavedWidget {
  model_name: string;
  model_module: string;
  model_module_version: string;
  state: Record<string, unknown>;
  buffers?: { path: (string | number)[]; encoding: "base64"; data: string }[];
}

/** The notebook metadata entry nbconvert and the widget managers read. */
export interface WidgetStateMetadata {
  version_major: 2;
  version_minor: 0;
  state: Record<string, SavedWidget>;
}

/**
 * Follows widget comms as a front end would (comm_open on jupyter.widget, update and
 * echo_update messages, comm_close) to know every live widget's latest state, so that a
 * notebook run headless can save it for HTML export.
 */
export class WidgetStateTracker {
  private readonly models = new Map<string, { state: Record<string, unknown>; buffers: Map<string, { path: (string | number)[]; data: Buffer }> }>();

  /** Feeds one iopub message (any type; irrelevant ones are ignored). */
  observe(msgType: string, content: Record<string, unknown>, buffers: Buffer[]): void {
    const commId = String(content.comm_id ?? "");
    if (msgType === "comm_open" && content.target_name === "jupyter.widget") {
      const data = (content.data ?? {}) as { state?: Record<string, unknown>; buffer_paths?: (string | number)[][] };
      this.models.set(commId, { state: { ...(data.state ?? {}) }, buffers: new Map() });
      this.applyBuffers(commId, data.buffer_paths ?? [], buffers);
    } else if (msgType === "comm_msg" && this.models.has(commId)) {
      const data = (content.data ?? {}) as { method?: string; state?: Record<string, unknown>; buffer_paths?: (string | number)[][] };
      if (data.method === "update" || data.method === "echo_update") {
        Object.assign(this.models.get(commId)!.state, data.state ?? {});
        this.applyBuffers(commId, data.buffer_paths ?? [], buffers);
      }
    } else if (msgType === "comm_close") {
      this.models.delete(commId);
    }
  }

  /** Number of live widget models. */
  get size(): number {
    return this.models.size;
  }

  /** The metadata.widgets entry for the live models. */
  metadata(): WidgetStateMetadata {
    const state: Record<string, SavedWidget> = {};
    for (const [id, model] of this.models) {
      const { _model_name, _model_module, _model_module_version, ...rest } = model.state as Record<string, string | unknown>;
      const saved: SavedWidget = {
        model_name: String(_model_name),
        model_module: String(_model_module),
        model_module_version: String(_model_module_version),
        state: { _model_name, _model_module, _model_module_version, ...rest },
      };
      if (model.buffers.size > 0)
        saved.buffers = [...model.buffers.values()].map((b) => ({ path: b.path, encoding: "base64", data: b.data.toString("base64") }));
      state[id] = saved;
    }
    return { version_major: 2, version_minor: 0, state };
  }

  private applyBuffers(commId: string, paths: (string | number)[][], buffers: Buffer[]): void {
    const model = this.models.get(commId)!;
    paths.forEach((path, i) => {
      if (buffers[i]) model.buffers.set(JSON.stringify(path), { path, data: buffers[i] });
    });
  }
}
