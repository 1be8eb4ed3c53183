import { nodeName } from "../../src/consensus/paxos/paxos-rules";
import type { PaxosAcceptor, PaxosMessage, PaxosProposer, PaxosState } from "../../src/consensus/paxos/types";
import { el, messagePosition, timerArc } from "./explorer-dom";

// Okabe–Ito colours (src/figures/palette.ts): a proposer preparing is orange like a Raft candidate,
// one asking to accept is blue like a leader, one that learned the value green.
export const PHASE_FILL: Record<string, string> = { idle: "#ffffff", prepare: "#E69F00", accept: "#0072B2", done: "#009E73" };
export const PAXOS_MESSAGE_FILL: Record<string, string> = { Prepare: "#E69F00", Promise: "#009E73", Accept: "#0072B2", Accepted: "#56B4E9", Nack: "#D55E00" };
const VALUE_COLOURS = ["#56B4E9", "#CC79A7", "#F0E442", "#D55E00", "#009E73", "#999999"];

/** A value's colour: v1, v2, ... in order, a client's command by a hash of its text. */
export function valueColour(value: string): string {
  const numbered = /^v(\d+)$/.exec(value);
  let index = numbered ? Number(numbered[1]) - 1 : 0;
  if (!numbered) for (const ch of value) index = (index * 31 + ch.charCodeAt(0)) >>> 0;
  return VALUE_COLOURS[index % VALUE_COLOURS.length];
}

type Point = { x: number; y: number };
type Control = (content: { [key: string]: string | number | number[] }) => void;

/** The status line: time, inputs, and the chosen value (what an observer of every acceptor knows). */
export function paxosStatus(state: PaxosState, steps: number): string {
  const chosen = state.chosen ? `chosen: ${state.chosen.value} (ballot ${state.chosen.ballot}, at ${state.chosen.time.toFixed(1)} ms)` : "nothing chosen yet";
  return `t = ${state.time.toFixed(1)} ms · ${steps} inputs · ${chosen}`;
}

/** Draws a Paxos run: nodes on a circle (acceptors, then proposers), messages in flight, and a table of each node's state. */
export function drawPaxos(svg: SVGSVGElement, state: PaxosState, control: Control): void {
  const n = state.acceptors.length + state.proposers.length;
  const centre = { x: 165, y: 165 };
  const at = (i: number): Point => ({ x: centre.x + 120 * Math.sin((2 * Math.PI * i) / n), y: centre.y - 120 * Math.cos((2 * Math.PI * i) / n) });
  for (const message of state.messages) svg.append(drawMessage(state, message, at));
  for (const acceptor of state.acceptors) svg.append(drawAcceptor(state, acceptor, at(acceptor.id), control));
  for (const proposer of state.proposers) svg.append(drawProposer(state, proposer, at(proposer.id), control));
  drawTable(svg, state);
}

function nodeGroup(node: number, role: string, ballot: number, control: Control): SVGGElement {
  const g = el("g", { class: `dslab-raft-server dslab-paxos-${role}`, "data-server": node, "data-role": role, "data-term": ballot, cursor: "pointer" });
  g.addEventListener("click", () => control({ action: "toggle", server: node }));
  return g;
}

function drawAcceptor(state: PaxosState, acceptor: PaxosAcceptor, p: Point, control: Control): SVGGElement {
  const g = nodeGroup(acceptor.id, acceptor.up ? "acceptor" : "down", acceptor.promised, control);
  const cutOff = state.partition[acceptor.id] !== 0;
  g.append(
    el("circle", {
      cx: p.x,
      cy: p.y,
      r: 30,
      fill: acceptor.up ? "#ffffff" : "#bbbbbb",
      stroke: "#333",
      "stroke-width": 2,
      "stroke-dasharray": cutOff ? "5 4" : "none",
    }),
  );
  if (acceptor.accepted)
    // The accepted value as a band along the bottom of the node, in the value's colour.
    g.append(el("rect", { x: p.x - 18, y: p.y + 8, width: 36, height: 12, rx: 3, fill: valueColour(acceptor.accepted.value), class: "dslab-paxos-accepted" }));
  g.append(el("text", { x: p.x, y: p.y - 8, "text-anchor": "middle", "font-size": 14, "font-weight": 600, fill: "#111" }, nodeName(state, acceptor.id)));
  g.append(
    el(
      "text",
      { x: p.x, y: p.y + 5, "text-anchor": "middle", "font-size": 9, fill: "#111", class: "dslab-raft-term" },
      acceptor.up ? `promised ${acceptor.promised}` : "crashed",
    ),
  );
  if (acceptor.accepted)
    g.append(
      el("text", { x: p.x, y: p.y + 18, "text-anchor": "middle", "font-size": 10, fill: "#111" }, `${acceptor.accepted.value}@${acceptor.accepted.ballot}`),
    );
  g.append(
    el(
      "title",
      {},
      `${nodeName(state, acceptor.id)}, acceptor: ${acceptor.up ? "running" : "crashed"}, promised ballot ${acceptor.promised}, ${acceptor.accepted ? `accepted ${acceptor.accepted.value} in ballot ${acceptor.accepted.ballot}` : "accepted nothing"}${cutOff ? ", cut off by the partition" : ""}. Click to ${acceptor.up ? "crash" : "restart"}.`,
    ),
  );
  return g;
}

function drawProposer(state: PaxosState, proposer: PaxosProposer, p: Point, control: Control): SVGGElement {
  const g = nodeGroup(proposer.id, proposer.up ? "proposer" : "down", proposer.ballot, control);
  g.setAttribute("data-phase", proposer.phase);
  const cutOff = state.partition[proposer.id] !== 0;
  const fill = proposer.up ? PHASE_FILL[proposer.phase] : "#bbbbbb";
  g.append(
    el("rect", {
      x: p.x - 28,
      y: p.y - 28,
      width: 56,
      height: 56,
      rx: 10,
      fill,
      stroke: "#333",
      "stroke-width": 2,
      "stroke-dasharray": cutOff ? "5 4" : "none",
    }),
  );
  const [, maxRetry] = state.timing.retryMs;
  if (proposer.up && proposer.startAt !== null && maxRetry > 0) {
    const arc = timerArc(p, 36, Math.min(1, (proposer.startAt - state.time) / maxRetry));
    if (arc) g.append(arc);
  }
  const ink = proposer.up && (proposer.phase === "accept" || proposer.phase === "done") ? "#fff" : "#111";
  g.append(el("text", { x: p.x, y: p.y - 6, "text-anchor": "middle", "font-size": 14, "font-weight": 600, fill: ink }, nodeName(state, proposer.id)));
  g.append(
    el(
      "text",
      { x: p.x, y: p.y + 9, "text-anchor": "middle", "font-size": 10, fill: ink, class: "dslab-raft-term" },
      proposer.up ? (proposer.ballot > 0 ? `ballot ${proposer.ballot}` : "waiting") : "crashed",
    ),
  );
  g.append(el("text", { x: p.x, y: p.y + 21, "text-anchor": "middle", "font-size": 10, fill: ink }, proposer.learned ?? proposer.proposed ?? proposer.value));
  g.append(
    el(
      "title",
      {},
      `${nodeName(state, proposer.id)}, proposer: ${proposer.up ? proposer.phase : "crashed"}, ballot ${proposer.ballot}, own value ${proposer.value}${proposer.proposed ? `, proposing ${proposer.proposed}` : ""}${proposer.learned ? `, learned ${proposer.learned}` : ""}${cutOff ? ", cut off by the partition" : ""}. Click to ${proposer.up ? "crash" : "restart"}.`,
    ),
  );
  return g;
}

function drawMessage(state: PaxosState, message: PaxosMessage, at: (i: number) => Point): SVGGElement {
  const from = at(message.from);
  const to = at(message.to);
  const body = message.body;
  // A held Accept waits just short of its acceptor until the adversary lets it go.
  const p = messagePosition(from, to, message.sendTime, message.deliverTime, state.time, message.held ? 0.8 : 1);
  const g = el("g", { class: `dslab-raft-message dslab-paxos-${body.type}${message.held ? " dslab-paxos-held" : ""}` });
  g.append(el("line", { x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: "#ddd", "stroke-width": 1 }));
  const colour = PAXOS_MESSAGE_FILL[body.type];
  g.append(
    el("circle", {
      cx: p.x,
      cy: p.y,
      r: body.type === "Accept" ? 7 : 5.5,
      fill: body.type === "Nack" ? "#fff" : colour,
      stroke: message.held ? "#111" : colour,
      "stroke-width": 2,
      "stroke-dasharray": message.held ? "2 2" : "none",
    }),
  );
  const what =
    body.type === "Accept"
      ? `Accept(${body.ballot}, ${body.value})`
      : body.type === "Promise"
        ? `Promise(${body.ballot}${body.accepted ? `, accepted ${body.accepted.value}@${body.accepted.ballot}` : ""})`
        : body.type === "Nack"
          ? `Nack(${body.ballot}, promised ${body.promised})`
          : `${body.type}(${body.ballot})`;
  g.append(
    el(
      "title",
      {},
      `${what}: ${nodeName(state, message.from)} → ${nodeName(state, message.to)}, ${message.held ? "held by the adversary" : `arrives at ${message.deliverTime.toFixed(1)} ms`}`,
    ),
  );
  return g;
}

/** Each node's state in words, beside the circle. */
function drawTable(svg: SVGSVGElement, state: PaxosState): void {
  const x0 = 345;
  const rows = state.acceptors.length + state.proposers.length + 1;
  const rowHeight = Math.min(24, 270 / rows);
  svg.append(el("text", { x: x0, y: 16, "font-size": 12, fill: "#444" }, "acceptors: promised · accepted (value@ballot)"));
  let y = 34;
  for (const a of state.acceptors) {
    const g = el("g", { class: "dslab-paxos-row" });
    g.append(el("text", { x: x0, y: y + 4, "font-size": 13, "font-weight": 600, fill: a.up ? "#111" : "#999" }, nodeName(state, a.id)));
    g.append(el("text", { x: x0 + 34, y: y + 4, "font-size": 12, fill: "#111" }, `promised ${a.promised}`));
    if (a.accepted) {
      g.append(el("rect", { x: x0 + 130, y: y - 9, width: 14, height: 14, fill: valueColour(a.accepted.value), stroke: "#333" }));
      g.append(el("text", { x: x0 + 150, y: y + 4, "font-size": 12, fill: "#111" }, `${a.accepted.value}@${a.accepted.ballot}`));
    }
    svg.append(g);
    y += rowHeight;
  }
  y += 6;
  svg.append(el("text", { x: x0, y, "font-size": 12, fill: "#444" }, "proposers: phase · ballot · value"));
  y += rowHeight;
  for (const p of state.proposers) {
    const g = el("g", { class: "dslab-paxos-row" });
    g.append(el("text", { x: x0, y: y + 4, "font-size": 13, "font-weight": 600, fill: p.up ? "#111" : "#999" }, nodeName(state, p.id)));
    const doing = p.up ? (p.phase === "done" ? `learned ${p.learned}` : p.phase) : "crashed";
    g.append(
      el(
        "text",
        { x: x0 + 34, y: y + 4, "font-size": 12, fill: "#111" },
        `${doing} · ballot ${p.ballot} · ${p.proposed ?? p.value}${p.best ? ` (adopted from ${p.best.ballot})` : ""}`,
      ),
    );
    svg.append(g);
    y += rowHeight;
  }
  if (state.chosen) {
    const g = el("g", { class: "dslab-paxos-chosen" });
    const text = `chosen: ${state.chosen.value} (a majority accepted ballot ${state.chosen.ballot})`;
    // Wide enough for the text at 12 px bold (about 8.4 px a character), within the panel.
    g.append(
      el("rect", { x: x0, y: y + 2, width: Math.min(350, 20 + 8.4 * text.length), height: 26, rx: 4, fill: valueColour(state.chosen.value), opacity: 0.85 }),
    );
    g.append(el("text", { x: x0 + 10, y: y + 20, "font-size": 12, "font-weight": 600, fill: "#111" }, text));
    svg.append(g);
  }
}
