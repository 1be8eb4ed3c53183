import { createTrace, parseTrace, replayTrace, type ClusterOptions, type RaftEvent, type RaftInput, type RaftState, type RaftTrace } from "../src/consensus";
import { applyInput } from "../src/consensus/raft/step";
import { checkInteger, checkNumber } from "../src/validate";
import type { JSONObject } from "../kernel-ext/api";
import { domDefaults, type DOMAttributes } from "./dom-widget";
import { DSLAB } from "./version";
import { Widget } from "./widget";

/** Options of a {@link ClusterExplorer}: the cluster (see consensus.createCluster) or a trace to replay, and the play speed. */
export interface ClusterExplorerOptions extends ClusterOptions {
  /** A trace to load (object or JSON text); its options replace the others. Defaults to none (a fresh cluster). */
  trace?: RaftTrace | string;
  /** Simulated ms per second of play, in [1, 10,000]. Defaults to 100 (a tenth of real time). */
  speed?: number;
  /** Frames per second of play, in [1, 120]. Defaults to 30. */
  fps?: number;
}

interface ClusterExplorerAttributes extends DOMAttributes {
  /** The cluster now, as plain data (consensus.RaftState). */
  cluster: RaftState;
  /** The latest events, oldest first. */
  events: RaftEvent[];
  /** Inputs applied so far (the trace's length). */
  steps: number;
  playing: boolean;
  speed: number;
  /** The last error a control caused (shown by the view), or "". */
  error: string;
}

/** Events the view's log keeps. */
const EVENT_WINDOW = 14;

/**
 * A step-by-step explorer of a Raft cluster (ClusterExplorerModel of module "dslab"): the
 * protocol runs here, in consensus' rules; the front end draws the state it is sent and turns
 * its buttons into inputs (custom messages). Every input is appended to a trace that replays.
 */
export class ClusterExplorer extends Widget {
  private trace: RaftTrace;
  private current: RaftState;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly fps: number;
  private nextCommand = 1;

  constructor(options: ClusterExplorerOptions = {}) {
    const { trace: given, speed = 100, fps = 30, ...clusterOptions } = options;
    checkNumber("speed", speed, { min: 1, max: 10_000 });
    checkNumber("fps", fps, { min: 1, max: 120 });
    const trace = given === undefined ? createTrace(clusterOptions) : parseTrace(given);
    const { states, events } = replayTrace(trace);
    const current = states[states.length - 1];
    super(
      { model: { ...DSLAB, name: "ClusterExplorerModel" }, view: { ...DSLAB, name: "ClusterExplorerView" } },
      {
        ...domDefaults(),
        cluster: current,
        events: events.flat().slice(-EVENT_WINDOW),
        steps: trace.inputs.length,
        playing: false,
        speed,
        error: "",
      },
    );
    this.trace = trace;
    this.current = current;
    this.fps = fps;
    this.nextCommand = trace.inputs.filter((i) => i.type === "clientRequest").length + 1;
    this.onCustom((content) => this.receiveControl(content));
  }

  /** The cluster now (a copy). */
  raftState(): RaftState {
    return structuredClone(this.current);
  }

  /** The run so far as a trace (a copy), to save with consensus.traceToJson and load again. */
  getTrace(): RaftTrace {
    return structuredClone(this.trace);
  }

  /** Applies one input (appending it to the trace) and shows the result; returns the events it caused. */
  input(input: RaftInput): RaftEvent[] {
    const next = structuredClone(this.current);
    const events: RaftEvent[] = [];
    applyInput(next, input, events);
    // Consecutive waits merge into one: waiting a then b fires the same events as waiting a + b.
    const last = this.trace.inputs[this.trace.inputs.length - 1];
    if (input.type === "wait" && last?.type === "wait") last.ms += input.ms;
    else this.trace.inputs.push(structuredClone(input));
    this.current = next;
    this.show(events);
    return events;
  }

  /** Fires the next `count` events one at a time. Defaults to 1. */
  step(count = 1): RaftEvent[] {
    checkInteger("count", count, 1, 100_000);
    const all: RaftEvent[] = [];
    for (let i = 0; i < count; i++) all.push(...this.input({ type: "tick" }));
    return all;
  }

  /** Lets `ms` of simulated time pass, firing every event due. */
  wait(ms: number): RaftEvent[] {
    return this.input({ type: "wait", ms });
  }

  crash(server: number): RaftEvent[] {
    return this.input({ type: "crash", server });
  }

  restart(server: number): RaftEvent[] {
    return this.input({ type: "restart", server });
  }

  /** Cuts the network: sides[i] is server i's side. */
  partition(sides: number[]): RaftEvent[] {
    return this.input({ type: "partition", sides });
  }

  heal(): RaftEvent[] {
    return this.input({ type: "heal" });
  }

  /** A client sends a command to the leader. Defaults to "x=<n>" with n counting requests. */
  clientRequest(command = `x=${this.nextCommand}`): RaftEvent[] {
    this.nextCommand++;
    return this.input({ type: "clientRequest", command });
  }

  /** Replaces the run with a trace (object or JSON text) and shows its last state. */
  load(trace: RaftTrace | string): void {
    this.pause();
    this.trace = parseTrace(trace);
    const { states, events } = replayTrace(this.trace);
    this.current = states[states.length - 1];
    this.nextCommand = this.trace.inputs.filter((i) => i.type === "clientRequest").length + 1;
    this.set({ cluster: structuredClone(this.current), events: events.flat().slice(-EVENT_WINDOW), steps: this.trace.inputs.length, error: "" });
  }

  /** Starts playing: every frame lets speed / fps simulated ms pass. */
  play(): void {
    if (this.timer) return;
    this.set({ playing: true });
    this.timer = setInterval(() => {
      try {
        this.wait(this.get<number>("speed") / this.fps);
      } catch (error) {
        this.pause();
        this.set({ error: String((error as Error).message ?? error) });
      }
    }, 1000 / this.fps);
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.set({ playing: false });
  }

  override close(): void {
    this.pause();
    super.close();
  }

  private show(events: RaftEvent[]): void {
    const kept = [...this.get<RaftEvent[]>("events"), ...events].slice(-EVENT_WINDOW);
    this.set({ cluster: structuredClone(this.current), events: kept, steps: this.trace.inputs.length, error: "" });
  }

  /** A control from the view. Errors are shown in the view, never thrown into the kernel. */
  private receiveControl(content: JSONObject): void {
    try {
      const action = content.action;
      const server = content.server as number;
      switch (action) {
        case "step":
          this.step();
          break;
        case "play":
          this.play();
          break;
        case "pause":
          this.pause();
          break;
        case "toggle":
          this.current.servers[checkInteger("server", server, 0, this.current.servers.length - 1)].up ? this.crash(server) : this.restart(server);
          break;
        case "timeout":
          this.input({ type: "timeout", server });
          break;
        case "client":
          this.clientRequest();
          break;
        case "partition":
          this.partition(content.sides as number[]);
          break;
        case "heal":
          this.heal();
          break;
        case "speed":
          this.set({ speed: checkNumber("speed", content.speed, { min: 1, max: 10_000 }) });
          break;
        case "load":
          this.load(content.trace as string);
          break;
        case "export":
          this.sendCustom({ trace: JSON.stringify(this.trace) });
          break;
        default:
          throw new RangeError(`invalid action: ${JSON.stringify(action)}`);
      }
    } catch (error) {
      this.set({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}
export interface ClusterExplorer extends Omit<ClusterExplorerAttributes, "cluster" | "events" | "steps" | "playing" | "error"> {
  readonly cluster: RaftState;
  readonly events: RaftEvent[];
  readonly steps: number;
  readonly playing: boolean;
  readonly error: string;
}
