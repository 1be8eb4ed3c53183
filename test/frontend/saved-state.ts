const controls = { model_module: "@jupyter-widgets/controls", model_module_version: "2.0.0" };
const base = { model_module: "@jupyter-widgets/base", model_module_version: "2.0.0" };
const dslab = { model_module: "dslab", model_module_version: "0.1.0" };

/** A notebook's saved widget state, as `dslab run` writes it: an IntSlider at 7 and a Figure with one scatter trace. */
export const savedState = {
  version_major: 2,
  version_minor: 0,
  state: {
    "layout-1": { model_name: "LayoutModel", ...base, state: {} },
    "style-1": { model_name: "SliderStyleModel", ...controls, state: { description_width: "" } },
    "slider-1": {
      model_name: "IntSliderModel",
      ...controls,
      state: { value: 7, min: 0, max: 10, description: "servers", layout: "IPY_MODEL_layout-1", style: "IPY_MODEL_style-1" },
    },
    "layout-2": { model_name: "LayoutModel", ...base, state: {} },
    "figure-1": {
      model_name: "FigureModel",
      ...dslab,
      state: {
        _view_name: "FigureView",
        _view_module: "dslab",
        _view_module_version: "0.1.0",
        layout: "IPY_MODEL_layout-2",
        data: [
          {
            type: "scatter",
            mode: "lines+markers",
            name: "availability",
            x: [1, 2, 3, 4, 5, 6, 7],
            y: [0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999, 0.9999999],
          },
        ],
        plot_layout: { title: { text: "offline figure" }, xaxis: { title: { text: "servers" } }, yaxis: { title: { text: "availability" } } },
        config: {},
      },
    },
  },
};
