import { formatValue, invalidRange, invalidType } from "../src/validate";
import { controlSpec, describedDefaults, type DescribedAttributes } from "./dom-widget";
import type { StyleModelName } from "./styles";
import { DESCRIBED_TRAITS, bool, int, orNull } from "./traits";
import { Widget, type Change } from "./widget";

/** Options of a selection: values (labels are their text), [label, value] pairs, or a label → value record. */
export type SelectionOptions<V> = readonly V[] | readonly (readonly [string, V])[] | Readonly<Record<string, V>>;

interface SelectionAttributes extends DescribedAttributes {
  _options_labels: string[];
  index: number | null;
  disabled: boolean;
}

/** Constructor options of a selection widget. */
export interface SelectionWidgetOptions<V> extends Partial<Omit<SelectionAttributes, "_options_labels" | "index">> {
  options: SelectionOptions<V>;
  /** The selected value. Defaults to the first option (none for Select-like widgets with allowNone). */
  value?: V;
  /** The selected index; wins over value. */
  index?: number | null;
  [key: string]: unknown;
}

function normalize<V>(options: SelectionOptions<V>): { labels: string[]; values: V[] } {
  if (Array.isArray(options)) {
    const pairs = (options as unknown[]).map((o) =>
      Array.isArray(o) && o.length === 2 && typeof o[0] === "string" ? (o as [string, V]) : ([String(o), o as V] as [string, V]),
    );
    return { labels: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
  }
  if (options && typeof options === "object") return { labels: Object.keys(options), values: Object.values(options) as V[] };
  throw invalidType("options", options, "an array of values, an array of [label, value] pairs, or a record of label → value");
}

const SELECTION_TRAITS = { ...DESCRIBED_TRAITS, index: orNull(int), disabled: bool };

/**
 * A widget that selects one of several options. As in ipywidgets 8 only `_options_labels` and
 * `index` travel; the values stay in the kernel, and `value` and `label` are derived from `index`.
 */
export class SelectionWidget<V = unknown> extends Widget {
  private readonly values: V[];

  constructor(name: string, style: StyleModelName, own: Record<string, unknown>, options: SelectionWidgetOptions<V>, firstByDefault = true) {
    const { options: choices, value, index, ...rest } = options;
    const { labels, values } = normalize(choices);
    let selected: number | null = firstByDefault && values.length > 0 ? 0 : null;
    if (value !== undefined) {
      selected = values.findIndex((v) => Object.is(v, value) || JSON.stringify(v) === JSON.stringify(value));
      if (selected < 0) throw invalidRange("value", value, `one of the options ${formatValue(labels)}`);
    }
    if (index !== undefined) {
      if (index !== null && (!Number.isInteger(index) || index < 0 || index >= values.length))
        throw invalidRange("index", index, `an integer in [0, ${values.length - 1}] or null`);
      selected = index;
    }
    super(controlSpec(name), { ...describedDefaults(style), disabled: false, ...own, ...rest, _options_labels: labels, index: selected }, SELECTION_TRAITS);
    this.values = values;
  }

  /** ipywidgets' _validate_index: null or an integer in [0, options − 1]. */
  protected override validateState(proposed: Record<string, unknown>, changed: ReadonlySet<string>): void {
    const index = proposed.index as number | null;
    const count = (proposed._options_labels as string[]).length;
    if (changed.has("index") && index !== null && (index < 0 || index >= count))
      throw invalidRange("index", index, count > 0 ? `an integer in [0, ${count - 1}] or null` : "null (there are no options)");
  }

  /** The options: values (labels are their text), [label, value] pairs, or a label → value record. */
  get options(): SelectionOptions<V> {
    const labels = this.get<string[]>("_options_labels");
    return labels.map((label, i) => [label, this.values[i]] as const);
  }

  /** New options select the first one (none if empty), as in ipywidgets; observers of value and label hear of it even if the index stays 0. */
  set options(options: SelectionOptions<V>) {
    const { labels, values } = normalize(options);
    const before = { value: this.value, label: this.label };
    const index = values.length > 0 ? 0 : null;
    const sameIndex = this.get("index") === index;
    this.values.splice(0, this.values.length, ...values);
    this.set({ _options_labels: labels, index });
    if (sameIndex) {
      const changes: Change[] = [];
      if (!Object.is(before.value, this.value)) changes.push({ name: "value", old: before.value, new: this.value, owner: this });
      if (before.label !== this.label) changes.push({ name: "label", old: before.label, new: this.label, owner: this });
      super.notify(changes);
    }
  }

  /** The selected index, or null; setting it checks it against the options. */
  get index(): number | null {
    return this.get<number | null>("index");
  }

  set index(index: number | null) {
    this.set({ index });
  }

  /** The selected value, or null. */
  get value(): V | null {
    const index = this.get<number | null>("index");
    return index === null ? null : this.values[index];
  }

  set value(value: V | null) {
    const index = value === null ? -1 : this.values.findIndex((v) => Object.is(v, value) || JSON.stringify(v) === JSON.stringify(value));
    if (value !== null && index < 0) throw invalidRange("value", value, `one of the options ${formatValue(this.get("_options_labels"))}`);
    this.set({ index: index < 0 ? null : index });
  }

  /** The selected option's label, or null. */
  get label(): string | null {
    const index = this.get<number | null>("index");
    return index === null ? null : this.get<string[]>("_options_labels")[index];
  }

  /** Observers of "value" and "label" hear about index changes in those terms. */
  protected override notify(changes: Change[]): void {
    const derived: Change[] = [];
    for (const change of changes) {
      if (change.name !== "index") continue;
      const at = (i: unknown) => (i === null || i === undefined ? null : this.values[i as number]);
      const label = (i: unknown) => (i === null || i === undefined ? null : this.get<string[]>("_options_labels")[i as number]);
      derived.push(
        { name: "value", old: at(change.old), new: at(change.new), owner: this },
        { name: "label", old: label(change.old), new: label(change.new), owner: this },
      );
    }
    super.notify([...changes, ...derived]);
  }
}

/** A drop-down list (DropdownModel). */
export class Dropdown<V = unknown> extends SelectionWidget<V> {
  constructor(options: SelectionWidgetOptions<V>) {
    super("Dropdown", "DescriptionStyleModel", {}, options);
  }
}

/** Radio buttons (RadioButtonsModel). */
export class RadioButtons<V = unknown> extends SelectionWidget<V> {
  constructor(options: SelectionWidgetOptions<V>) {
    super("RadioButtons", "DescriptionStyleModel", { orientation: "vertical" }, options);
  }
}

/** A row of toggle buttons, one pressed (ToggleButtonsModel). */
export class ToggleButtons<V = unknown> extends SelectionWidget<V> {
  constructor(options: SelectionWidgetOptions<V>) {
    super("ToggleButtons", "ToggleButtonsStyleModel", { button_style: "", icons: [], tooltips: [] }, options);
  }
}

/** A list box (SelectModel). */
export class Select<V = unknown> extends SelectionWidget<V> {
  constructor(options: SelectionWidgetOptions<V>) {
    super("Select", "DescriptionStyleModel", { rows: 5 }, options);
  }
}

/** A slider over a list of options (SelectionSliderModel). */
export class SelectionSlider<V = unknown> extends SelectionWidget<V> {
  constructor(options: SelectionWidgetOptions<V>) {
    super("SelectionSlider", "SliderStyleModel", { behavior: "drag-tap", continuous_update: true, orientation: "horizontal", readout: true }, options);
  }
}
