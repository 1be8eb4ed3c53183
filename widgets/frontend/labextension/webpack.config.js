// Merged into @jupyterlab/builder's webpack config. plotly.js ships minified: parsing and
// minifying its 4.6 MB again is most of the build time and gains nothing.
module.exports = {
  module: { noParse: /plotly\.js-dist-min/ },
  optimization: { minimize: false },
};
