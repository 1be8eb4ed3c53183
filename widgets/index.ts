export type { Change, ModelSpec } from "./widget";
export { Widget, isWidget, liveWidgets } from "./widget";
export { BASE, CONTROLS, DSLAB, OUTPUT, PROTOCOL_VERSION, WIDGET_VIEW_MIME } from "./version";
export type { LayoutProperty, StyleModelName } from "./styles";
export { Layout, STYLE_DEFAULTS, Style } from "./styles";
export { FloatLogSlider, FloatRangeSlider, FloatSlider, IntRangeSlider, IntSlider } from "./sliders";
export type { SelectionOptions, SelectionWidgetOptions } from "./selection";
export { Dropdown, RadioButtons, Select, SelectionSlider, SelectionWidget, ToggleButtons } from "./selection";
export {
  BoundedFloatText,
  BoundedIntText,
  Button,
  Checkbox,
  FloatProgress,
  FloatText,
  HTML,
  HTMLMath,
  IntProgress,
  IntText,
  Label,
  Play,
  Text,
  Textarea,
  ToggleButton,
} from "./simple-controls";
export { Accordion, GridBox, HBox, Tab, VBox } from "./boxes";
export type { StoredOutput } from "./output";
export { Output } from "./output";
export type { LinkEnd } from "./link";
export { Link, jsdlink, jslink } from "./link";
export type { FigureSpec, Trace } from "./figure";
export { Figure } from "./figure";
export type { ClusterExplorerOptions } from "./cluster-explorer";
export { ClusterExplorer } from "./cluster-explorer";
export type { PaxosExplorerOptions } from "./paxos-explorer";
export { PaxosExplorer } from "./paxos-explorer";
export type { PlayOptions } from "./protocol-explorer";
export { ProtocolExplorer } from "./protocol-explorer";
export type { ChoiceSpec, Fixed, InteractOptions, Interactive, ParamSpec, ParamValues, RangeSpec } from "./interact";
export { fixed, interact, interactive } from "./interact";
export type { ProgressBar, ProgressOptions } from "./progress";
export { progress } from "./progress";
