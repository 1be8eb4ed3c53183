import { DOMWidgetModel, DOMWidgetView } from "@jupyter-widgets/base";
import { nodeName } from "../../src/consensus/paxos/paxos-rules";
import type { PaxosState } from "../../src/consensus/paxos/types";
import type { RaftEvent, RaftMessage, RaftServer, RaftState } from "../../src/consensus/raft/types";
import { el, html, messagePosition, timerArc } from "./explorer-dom";
import { MODULE_NAME, MODULE_VERSION } from "./figure-view";
import { drawPaxos, PAXOS_MESSAGE_FILL, PHASE_FILL, paxosStatus } from "./paxos-drawing";

// Okabe–Ito colours (src/figures/palette.ts), so roles read the same as in the figures.
const ROLE_FILL: Record<string, string> = { follower: "#ffffff", candidate: "#E69F00", leader: "#0072B2" };
const TERM_COLOURS = ["#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#999999"];
const MESSAGE_FILL: Record<string, string> = { RequestVote: "#E69F00", RequestVoteReply: "#009E73", AppendEntries: "#0072B2", AppendEntriesReply: "#56B4E9" };

/** The front-end model of ClusterExplorer and PaxosExplorer: the protocol, its state as plain data, the latest events, the play state. */
export class ClusterExplorerModel extends DOMWidgetModel {
  override defaults(): ReturnType<DOMWidgetModel["defaults"]> {
    return {
      ...super.defaults(),
      _model_name: "ClusterExplorerModel",
      _model_module: MODULE_NAME,
      _model_module_version: MODULE_VERSION,
      _view_name: "ClusterExplorerView",
      _view_module: MODULE_NAME,
      _view_module_version: MODULE_VERSION,
      protocol: "raft",
      cluster: null,
      events: [],
      steps: 0,
      playing: false,
      speed: 100,
      error: "",
    };
  }
}

/**
 * Draws a Raft cluster as RaftScope does: servers on a circle with role, term and election timer,
 * messages in flight on the lines between them, each server's log beside; or a Paxos run in the
 * same frame (paxos-drawing.ts). The view only draws: every button and click is a custom message
 * to the kernel, which steps the protocol (src/consensus).
 */
export class ClusterExplorerView extends DOMWidgetView {
  private readonly svg = el("svg", { viewBox: "0 0 700 330", class: "dslab-raft-svg", role: "img" });
  private readonly status = html("div", "dslab-raft-status");
  private readonly log = html("ul", "dslab-raft-log");
  private readonly legend = html("div", "dslab-raft-legend");
  private readonly error = html("div", "dslab-raft-error");
  private readonly playButton = html("button", "dslab-raft-play", "Play");

  override render(): void {
    this.el.classList.add("jupyter-widgets", "dslab-raft");
    this.el.style.fontFamily = "system-ui, sans-serif";
    this.el.style.fontSize = "13px";
    this.el.style.breakInside = "avoid";
    this.svg.style.width = "100%";
    this.svg.style.maxWidth = "760px";
    this.svg.style.display = "block";
    this.error.style.color = "#D55E00";
    this.log.style.margin = "4px 0";
    this.log.style.paddingLeft = "0";
    this.log.style.listStyle = "none";
    this.legend.style.color = "#444";
    this.legend.style.fontSize = "12px";
    this.drawLegend();
    this.log.style.maxHeight = "11em";
    this.log.style.overflowY = "auto";
    this.el.append(this.controls(), this.status, this.svg, this.legend, this.error, this.log);
    this.listenTo(this.model, "change:cluster change:events change:steps change:playing change:error", () => this.draw());
    this.listenTo(this.model, "msg:custom", (content: { trace?: string }) => this.download(content));
    this.draw();
  }

  private control(content: { [key: string]: string | number | number[] }): void {
    this.model.send(content, {});
  }

  private controls(): HTMLElement {
    const bar = html("div", "dslab-raft-controls");
    bar.style.display = "flex";
    bar.style.flexWrap = "wrap";
    bar.style.gap = "6px";
    bar.style.margin = "4px 0";
    const button = (label: string, className: string, action: () => void) => {
      const b = html("button", `jupyter-button ${className}`, label);
      b.addEventListener("click", action);
      bar.append(b);
      return b;
    };
    button("Step", "dslab-raft-step", () => this.control({ action: "step" }));
    this.playButton.className = "jupyter-button dslab-raft-play";
    this.playButton.addEventListener("click", () => this.control({ action: this.model.get("playing") ? "pause" : "play" }));
    bar.append(this.playButton);
    const speed = html("select", "dslab-raft-speed");
    for (const [value, label] of [
      [10, "speed ×0.01"],
      [100, "speed ×0.1"],
      [1000, "speed ×1"],
    ] as const) {
      const option = html("option", "", label);
      option.value = String(value);
      speed.append(option);
    }
    speed.value = String(this.model.get("speed"));
    speed.addEventListener("change", () => this.control({ action: "speed", speed: Number(speed.value) }));
    bar.append(speed);
    button("Client request", "dslab-raft-client", () => this.control({ action: "client" }));
    button(this.isPaxos() ? "Partition proposer" : "Partition leader", "dslab-raft-partition", () =>
      this.isPaxos() ? this.partitionProposer() : this.partitionLeader(),
    );
    button("Heal", "dslab-raft-heal", () => this.control({ action: "heal" }));
    button("Export trace", "dslab-raft-export", () => this.control({ action: "export" }));
    const file = html("input", "dslab-raft-load");
    file.type = "file";
    file.accept = ".json,application/json";
    file.title = "Load a trace";
    file.addEventListener("change", async () => {
      const chosen = file.files?.[0];
      if (chosen) this.control({ action: "load", trace: await chosen.text() });
      file.value = "";
    });
    bar.append(file);
    return bar;
  }

  private isPaxos(): boolean {
    return this.model.get("protocol") === "paxos";
  }

  /** What the message dots mean, and how to crash a server. */
  private drawLegend(): void {
    const swatch = (fill: string, stroke: string, label: string) => {
      const item = html("span", "dslab-raft-legend-item");
      item.style.marginRight = "12px";
      const dot = html("span", "");
      Object.assign(dot.style, {
        display: "inline-block",
        width: "9px",
        height: "9px",
        borderRadius: "50%",
        background: fill,
        border: `2px solid ${stroke}`,
        marginRight: "4px",
        verticalAlign: "middle",
      });
      item.append(dot, document.createTextNode(label));
      this.legend.append(item);
    };
    if (this.isPaxos()) {
      swatch(PAXOS_MESSAGE_FILL.Prepare, PAXOS_MESSAGE_FILL.Prepare, "Prepare");
      swatch(PAXOS_MESSAGE_FILL.Promise, PAXOS_MESSAGE_FILL.Promise, "Promise");
      swatch(PAXOS_MESSAGE_FILL.Accept, PAXOS_MESSAGE_FILL.Accept, "Accept");
      swatch(PAXOS_MESSAGE_FILL.Accepted, PAXOS_MESSAGE_FILL.Accepted, "Accepted");
      swatch("#fff", PAXOS_MESSAGE_FILL.Nack, "Nack (refused)");
      this.legend.append(
        document.createTextNode(
          `· circles: acceptors · squares: proposers (${Object.keys(PHASE_FILL).join(", ")}) · grey arc: wait before the next ballot · dashed dot: held by the adversary · click a node to crash or restart it`,
        ),
      );
      return;
    }
    swatch(MESSAGE_FILL.RequestVote, MESSAGE_FILL.RequestVote, "RequestVote");
    swatch(MESSAGE_FILL.RequestVoteReply, MESSAGE_FILL.RequestVoteReply, "vote granted");
    swatch("#fff", MESSAGE_FILL.RequestVoteReply, "refused");
    swatch(MESSAGE_FILL.AppendEntries, MESSAGE_FILL.AppendEntries, "AppendEntries (bigger with entries)");
    swatch(MESSAGE_FILL.AppendEntriesReply, MESSAGE_FILL.AppendEntriesReply, "its reply");
    this.legend.append(document.createTextNode("· grey arc: election timer · dashed: cut off · click a server to crash or restart it"));
  }

  /** Cuts the leader and one neighbour (a minority) off from the rest. */
  private partitionLeader(): void {
    const cluster = this.model.get("cluster") as RaftState | null;
    if (!cluster) return;
    const leader = cluster.servers.find((s) => s.up && s.role === "leader");
    if (!leader) return;
    const n = cluster.servers.length;
    const minority = Math.max(1, Math.floor((n - 1) / 2));
    this.control({ action: "partition", sides: cluster.servers.map((s) => ((s.id - leader.id + n) % n < minority ? 1 : 0)) });
  }

  /** Cuts the proposer at work (or the first) and a minority of acceptors off from the rest. */
  private partitionProposer(): void {
    const state = this.model.get("cluster") as PaxosState | null;
    if (!state) return;
    const proposer = state.proposers.find((p) => p.up && (p.phase === "prepare" || p.phase === "accept")) ?? state.proposers[0];
    const minority = Math.floor((state.acceptors.length - 1) / 2);
    this.control({ action: "partition", sides: state.partition.map((_, node) => (node === proposer.id || node < minority ? 1 : 0)) });
  }

  private download({ trace }: { trace?: string }): void {
    if (typeof trace !== "string") return;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([trace], { type: "application/json" }));
    link.download = `${this.isPaxos() ? "paxos" : "raft"}-trace.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  private draw(): void {
    this.playButton.textContent = this.model.get("playing") ? "Pause" : "Play";
    this.error.textContent = this.model.get("error") as string;
    this.svg.replaceChildren();
    this.log.replaceChildren();
    const state = this.model.get("cluster") as RaftState | PaxosState | null;
    if (!state) return;
    if (this.isPaxos()) {
      const paxos = state as PaxosState;
      this.status.textContent = paxosStatus(paxos, this.model.get("steps") as number);
      drawPaxos(this.svg, paxos, (content) => this.control(content));
      this.drawEvents((node) => nodeName(paxos, node));
      return;
    }
    const cluster = state as RaftState;
    const leader = cluster.servers.find((s) => s.up && s.role === "leader");
    this.status.textContent = `t = ${cluster.time.toFixed(1)} ms · ${this.model.get("steps")} inputs · ${leader ? `leader S${leader.id + 1} (term ${leader.term})` : "no leader"}`;
    const n = cluster.servers.length;
    const centre = { x: 165, y: 165 };
    const radius = n > 1 ? 120 : 0;
    const at = (i: number) => ({ x: centre.x + radius * Math.sin((2 * Math.PI * i) / n), y: centre.y - radius * Math.cos((2 * Math.PI * i) / n) });
    for (const message of cluster.messages) this.svg.append(this.drawMessage(cluster, message, at));
    cluster.servers.forEach((server, i) => this.svg.append(this.drawServer(cluster, server, at(i))));
    this.drawLogs(cluster);
    this.drawEvents((server) => `S${server + 1}`);
  }

  /** The latest events, newest first. */
  private drawEvents(name: (node: number) => string): void {
    for (const event of (this.model.get("events") as RaftEvent[]).slice().reverse()) {
      this.log.append(
        html(
          "li",
          `dslab-raft-event dslab-raft-${event.kind.replace(/\s+/g, "-")}`,
          `${event.time.toFixed(1)} ms · ${name(event.server)} · ${event.kind}: ${event.detail}`,
        ),
      );
    }
  }

  private drawServer(cluster: RaftState, server: RaftServer, p: { x: number; y: number }): SVGGElement {
    const g = el("g", {
      class: `dslab-raft-server dslab-raft-${server.up ? server.role : "down"}`,
      "data-server": server.id,
      "data-role": server.up ? server.role : "down",
      "data-term": server.term,
      cursor: "pointer",
    });
    const r = 30;
    const cutOff = cluster.partition[server.id] !== 0;
    g.append(
      el("circle", {
        cx: p.x,
        cy: p.y,
        r,
        fill: server.up ? ROLE_FILL[server.role] : "#bbbbbb",
        stroke: "#333",
        "stroke-width": 2,
        "stroke-dasharray": cutOff ? "5 4" : "none",
      }),
    );
    if (server.up && server.role !== "leader") {
      // The election timer as an arc that shrinks to zero when the server times out.
      const [, max] = cluster.timing.electionTimeoutMs;
      const arc = timerArc(p, r + 5, Math.min(1, (server.electionDeadline - cluster.time) / max));
      if (arc) g.append(arc);
    }
    const ink = server.up && server.role === "leader" ? "#fff" : "#111";
    g.append(el("text", { x: p.x, y: p.y - 3, "text-anchor": "middle", "font-size": 15, "font-weight": 600, fill: ink }, `S${server.id + 1}`));
    g.append(
      el(
        "text",
        { x: p.x, y: p.y + 14, "text-anchor": "middle", "font-size": 11, fill: ink, class: "dslab-raft-term" },
        server.up ? `term ${server.term}` : "crashed",
      ),
    );
    g.append(
      el(
        "title",
        {},
        `S${server.id + 1}: ${server.up ? server.role : "crashed"}, term ${server.term}, voted for ${server.votedFor === null ? "nobody" : `S${server.votedFor + 1}`}, commit index ${server.commitIndex}${cutOff ? ", cut off by the partition" : ""}. Click to ${server.up ? "crash" : "restart"}.`,
      ),
    );
    g.addEventListener("click", () => this.control({ action: "toggle", server: server.id }));
    return g;
  }

  private drawMessage(cluster: RaftState, message: RaftMessage, at: (i: number) => { x: number; y: number }): SVGGElement {
    const from = at(message.from);
    const to = at(message.to);
    const { x, y } = messagePosition(from, to, message.sendTime, message.deliverTime, cluster.time);
    const body = message.body;
    const g = el("g", { class: `dslab-raft-message dslab-raft-${body.type}` });
    g.append(el("line", { x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: "#ddd", "stroke-width": 1 }));
    const refused = (body.type === "RequestVoteReply" && !body.granted) || (body.type === "AppendEntriesReply" && !body.success);
    const size = body.type === "AppendEntries" && body.entries.length > 0 ? 8 : 5.5;
    g.append(el("circle", { cx: x, cy: y, r: size, fill: refused ? "#fff" : MESSAGE_FILL[body.type], stroke: MESSAGE_FILL[body.type], "stroke-width": 2 }));
    const label =
      body.type === "AppendEntries"
        ? `AppendEntries, ${body.entries.length} entries`
        : body.type === "RequestVoteReply"
          ? body.granted
            ? "vote granted"
            : "vote refused"
          : body.type;
    g.append(el("title", {}, `${label}: S${message.from + 1} → S${message.to + 1}, term ${body.term}, arrives at ${message.deliverTime.toFixed(1)} ms`));
    return g;
  }

  private drawLogs(cluster: RaftState): void {
    const x0 = 345;
    const rowHeight = Math.min(44, 290 / cluster.servers.length);
    this.svg.append(el("text", { x: x0, y: 16, "font-size": 12, fill: "#444" }, "logs (filled = committed, number = term)"));
    cluster.servers.forEach((server, row) => {
      const y = 30 + row * rowHeight;
      this.svg.append(el("text", { x: x0, y: y + 17, "font-size": 13, "font-weight": 600, fill: server.up ? "#111" : "#999" }, `S${server.id + 1}`));
      const cell = Math.min(26, 320 / Math.max(12, server.log.length));
      server.log.forEach((entry, i) => {
        const committed = i < server.commitIndex;
        const colour = TERM_COLOURS[(entry.term - 1) % TERM_COLOURS.length];
        const g = el("g", { class: `dslab-raft-entry${committed ? " dslab-raft-committed" : ""}` });
        g.append(el("rect", { x: x0 + 28 + i * cell, y, width: cell - 2, height: 24, fill: committed ? colour : "#fff", stroke: colour, "stroke-width": 2 }));
        if (cell >= 14)
          g.append(
            el("text", { x: x0 + 28 + i * cell + (cell - 2) / 2, y: y + 16, "text-anchor": "middle", "font-size": 11, fill: "#111" }, String(entry.term)),
          );
        g.append(el("title", {}, `entry ${i + 1}: ${entry.command} (term ${entry.term})${committed ? ", committed" : ""}`));
        this.svg.append(g);
      });
    });
  }
}
