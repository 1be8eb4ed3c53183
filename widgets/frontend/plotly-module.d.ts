// plotly.js-dist-min ships no types; the views use the small surface declared in plotly.ts.
declare module "plotly.js-dist-min";
