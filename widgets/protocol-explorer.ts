import { emptyTrace, parseWith, replayWith, traceFormat, traceToJson, type ClusterProtocol, type ProtocolTrace } from "../src/consensus/cluster-trace";
import type { RaftEvent, RaftInput } from "../src/consensus";
import { checkInteger, checkNumber, invalidRange } from "../src/validate";
import type { JSONObject } from "../kernel-ext/api";
import { domDefaults, type DOMAttributes } from "./dom-widget";
import { DSLAB } from "./version";
import { Widget } from "./widget";

/** The protocols the explorer steps, with their names in messages and their trace formats. */
const PROTOCOL_NAMES: Record<string, { protocol: "raft" | "paxos"; widget: string }> = {
  "dslab-raft-trace": { protocol: "raft", widget: "ClusterExplorer" },
  "dslab-paxos-trace": { protocol: "paxos", widget: "PaxosExplorer" },
};

/** Play options shared by both explorers. */
export interface PlayOptions {
  /** Simulated ms per second of play, in [1, 10,000]. Defaults to 100 (a tenth of real time). */
  speed?: number;
  /** Frames per second of play, in [1, 120]. Defaults to 30. */
  fps?: number;
}

/** Events the view's log keeps. */
const EVENT_WINDOW = 14;

/**
 * A step-by-step explorer of a protocol's cluster (ClusterExplorerModel of module "dslab"): the
 * protocol runs here, in consensus' rules; the front end draws the state it is sent and turns its
 * buttons into inputs (custom messages). Every input is appended to a trace that replays.
 */
export abstract class ProtocolExplorer<
  Format extends string,
  Options,
  State extends { partition: number[]; time: number },
  Input extends RaftInput = RaftInput,
> extends Widget {
  // Attributes, kept by Widget and read through its accessors.
  /** Which protocol the view draws: "raft" or "paxos". */
  declare readonly protocol: "raft" | "paxos";
  /** The cluster now, as plain data (consensus.RaftState or consensus.PaxosState). */
  declare readonly cluster: State;
  /** The latest events, oldest first. */
  declare readonly events: RaftEvent[];
  /** Inputs applied so far (the trace's length). */
  declare readonly steps: number;
  declare readonly playing: boolean;
  /** Simulated ms per second of play. */
  declare speed: number;
  /** The last error a control caused (shown by the view), or "". */
  declare readonly error: string;
  declare layout: DOMAttributes["layout"];
  declare tooltip: DOMAttributes["tooltip"];
  declare tabbable: DOMAttributes["tabbable"];
  declare _dom_classes: DOMAttributes["_dom_classes"];
  private trace: ProtocolTrace<Format, Options, Input>;
  private current: State;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly fps: number;
  private nextCommand = 1;
  private readonly rules: ClusterProtocol<Format, Options, State, Input>;

  protected constructor(
    protocol: ClusterProtocol<Format, Options, State, Input>,
    given: ProtocolTrace<Format, Options, Input> | string | undefined,
    options: object,
    { speed = 100, fps = 30 }: PlayOptions,
  ) {
    checkNumber("speed", speed, { min: 1, max: 10_000 });
    checkNumber("fps", fps, { min: 1, max: 120 });
    const trace = given === undefined ? emptyTrace(protocol, options) : readTrace(protocol, given);
    const { states, events } = replayWith(protocol, trace);
    const current = states[states.length - 1];
    super(
      { model: { ...DSLAB, name: "ClusterExplorerModel" }, view: { ...DSLAB, name: "ClusterExplorerView" } },
      {
        ...domDefaults(),
        protocol: PROTOCOL_NAMES[protocol.format].protocol,
        cluster: current,
        events: events.flat().slice(-EVENT_WINDOW),
        steps: trace.inputs.length,
        playing: false,
        speed,
        error: "",
      },
    );
    this.rules = protocol;
    this.trace = trace;
    this.current = current;
    this.fps = fps;
    this.nextCommand = countRequests(trace.inputs) + 1;
    this.onCustom((content) => this.receiveControl(content));
  }

  /** Whether node `node` runs, for the view's click that crashes or restarts it. */
  protected abstract nodeUp(state: State, node: number): boolean;

  /** What the state shows in a few words (the leader, the chosen value), for the text fallback. */
  protected abstract summary(state: State): string;

  /** The text shown where widgets cannot render: the class, the time, the inputs and the summary. */
  override toString(): string {
    return `${PROTOCOL_NAMES[this.rules.format].widget}(t = ${this.current.time.toFixed(1)} ms, ${this.trace.inputs.length} inputs, ${this.summary(this.current)})`;
  }

  /** The cluster now (a copy). */
  protected currentState(): State {
    return structuredClone(this.current);
  }

  /** The run so far as a trace (a copy), to save with consensus.traceToJson and load again. */
  getTrace(): ProtocolTrace<Format, Options, Input> {
    return structuredClone(this.trace);
  }

  /** Applies one input (appending it to the trace) and shows the result; returns the events it caused. */
  input(input: Input): RaftEvent[] {
    const next = structuredClone(this.current);
    const events: RaftEvent[] = [];
    this.rules.apply(next, input, events);
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
    for (let i = 0; i < count; i++) all.push(...this.input({ type: "tick" } as Input));
    return all;
  }

  /** Lets `ms` of simulated time pass, firing every event due. */
  wait(ms: number): RaftEvent[] {
    return this.input({ type: "wait", ms } as Input);
  }

  crash(server: number): RaftEvent[] {
    return this.input({ type: "crash", server } as Input);
  }

  restart(server: number): RaftEvent[] {
    return this.input({ type: "restart", server } as Input);
  }

  /** Cuts the network: sides[i] is node i's side. */
  partition(sides: number[]): RaftEvent[] {
    return this.input({ type: "partition", sides } as Input);
  }

  heal(): RaftEvent[] {
    return this.input({ type: "heal" } as Input);
  }

  /** A node's timer fires now (a Raft follower starts an election, a Paxos proposer a new ballot). */
  timeout(server: number): RaftEvent[] {
    return this.input({ type: "timeout", server } as Input);
  }

  /** A client sends a command (to Raft's leader, to a free Paxos proposer). Defaults to "x=<n>" with n counting requests. */
  clientRequest(command = `x=${this.nextCommand}`): RaftEvent[] {
    this.nextCommand++;
    return this.input({ type: "clientRequest", command } as Input);
  }

  /** Replaces the run with a trace (object or JSON text) and shows its last state. */
  load(trace: ProtocolTrace<Format, Options, Input> | string): void {
    this.pause();
    this.trace = readTrace(this.rules, trace);
    const { states, events } = replayWith(this.rules, this.trace);
    this.current = states[states.length - 1];
    this.nextCommand = countRequests(this.trace.inputs) + 1;
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
          checkInteger("server", server, 0, this.current.partition.length - 1);
          this.nodeUp(this.current, server) ? this.crash(server) : this.restart(server);
          break;
        case "timeout":
          this.timeout(server);
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
          this.sendCustom({ trace: traceToJson(this.trace) });
          break;
        default:
          throw new RangeError(`invalid action: ${JSON.stringify(action)}`);
      }
    } catch (error) {
      this.set({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function countRequests(inputs: readonly RaftInput[]): number {
  return inputs.filter((i) => i.type === "clientRequest").length;
}

/** Parses a trace for this protocol; a trace of the other protocol gets an error saying which explorer loads it. */
function readTrace<F extends string, O, S, I extends RaftInput>(
  protocol: ClusterProtocol<F, O, S, I>,
  trace: ProtocolTrace<F, O, I> | string,
): ProtocolTrace<F, O, I> {
  const format = traceFormat(trace);
  const other = format !== undefined && format !== protocol.format ? PROTOCOL_NAMES[format] : undefined;
  if (other) throw invalidRange("trace", format, `a ${protocol.format}; a ${format} loads in a ${other.widget} (new ${other.widget}({ trace }))`);
  return parseWith(protocol, trace);
}
