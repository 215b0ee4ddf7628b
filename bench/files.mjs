// The files each engine loads, relative to the repository root: the benchmark page imports them
// and bench/run.mjs counts their bytes on the wire.
export const FILES = {
  "faq-widget": ["pkg/faq_widget.js", "pkg/faq_widget_bg.wasm"],
  "faq-widget-element": ["dist/faq-widget.js"],
  fuse: ["node_modules/fuse.js/dist/fuse.basic.min.mjs"],
  minisearch: ["node_modules/minisearch/dist/es/index.js"],
  flexsearch: ["node_modules/flexsearch/dist/flexsearch.compact.module.min.js"],
};
