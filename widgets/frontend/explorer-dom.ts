const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and, optionally, text. */
export function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An HTML element with a class and, optionally, text. */
export function html<K extends keyof HTMLElementTagNameMap>(name: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A timer as an arc around a node that shrinks to nothing when it fires (`left` in [0, 1]). */
export function timerArc(p: { x: number; y: number }, r: number, left: number): SVGPathElement | undefined {
  if (left <= 0) return undefined;
  const angle = 2 * Math.PI * left;
  const end = { x: p.x + r * Math.sin(angle), y: p.y - r * Math.cos(angle) };
  const d =
    left >= 0.999
      ? `M ${p.x} ${p.y - r} A ${r} ${r} 0 1 1 ${p.x - 0.01} ${p.y - r}`
      : `M ${p.x} ${p.y - r} A ${r} ${r} 0 ${angle > Math.PI ? 1 : 0} 1 ${end.x} ${end.y}`;
  return el("path", { d, fill: "none", stroke: "#999", "stroke-width": 3, class: "dslab-raft-timer" });
}

/** Where a message sent at sendTime and arriving at arriveTime is at `time`, on the line between its ends. */
export function messagePosition(from: { x: number; y: number }, to: { x: number; y: number }, sendTime: number, arriveTime: number, time: number, cap = 1) {
  const span = arriveTime - sendTime;
  const f = span > 0 ? Math.max(0, Math.min(cap, (time - sendTime) / span)) : cap;
  return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
}
