// The size budget of the website's script, dist/faq-widget.js, with everything inside (engine, FAQ,
// widget, styles): the one place it is written. scripts/bundle.mjs fails the build over it; the
// browser tests and bench/report.mjs read it from here.
export const BUDGET = {
  gzip: 60 * 1024,
  brotli: null, // an aim, not yet a limit
};
