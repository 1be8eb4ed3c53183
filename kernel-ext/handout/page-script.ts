/**
 * The handout's boot script, run after plotly.js and the widget bundle: draws every saved
 * plotly figure and asks the widget bundle to render the saved widget views. It is source
 * text, not a module, because it is inlined into the page.
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var PLOTLY_MIME = "application/vnd.plotly.v1+json";
  function drawFigures() {
    var scripts = document.querySelectorAll('script[type="' + PLOTLY_MIME + '"]');
    for (var i = 0; i < scripts.length; i++) {
      var script = scripts[i];
      var target = script.previousElementSibling;
      if (!target || !window.Plotly) continue;
      try {
        var figure = JSON.parse(script.textContent);
        var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
        window.Plotly.newPlot(target, figure.data || [], figure.layout || {}, config);
      } catch (error) {
        target.textContent = "This figure could not be drawn: " + error;
      }
    }
  }
  function resizeFigures() {
    if (!window.Plotly) return;
    var plots = document.querySelectorAll(".js-plotly-plot");
    for (var i = 0; i < plots.length; i++) window.Plotly.Plots.resize(plots[i]);
  }
  function start() {
    drawFigures();
    if (window.dslabWidgets && typeof window.dslabWidgets.renderSavedWidgets === "function") {
      window.dslabWidgets.renderSavedWidgets(document);
    }
    // Plotly sizes a figure once; printing changes the page width, so resize around print.
    window.addEventListener("beforeprint", resizeFigures);
    window.addEventListener("afterprint", resizeFigures);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;
