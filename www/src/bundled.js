// What scripts/bundle.mjs puts around the modules in the one script it builds: the wasm-bindgen
// bindings (FaqEngine, initSync), the engine's bytes (wasmBytes), the FAQ (BUNDLED_FAQ) and the
// stylesheet (WIDGET_CSS). They are constants of the script's outer function, not modules, so
// this module is the one that reads them from the enclosing scope and the others import them from
// here; the modules that do not import it (text, links, faq, suggestions, …) load anywhere, node's
// unit tests included.

/* global FaqEngine, initSync, wasmBytes, BUNDLED_FAQ, WIDGET_CSS */

/** The wasm-bindgen class: `new Engine(faq)` indexes one FAQ object; `.ask`, `.highlight`. */
export const Engine = FaqEngine;

/** Instantiates the WebAssembly module, synchronously, from `engineBytes()`. */
export const initWasm = initSync;

/** The engine's .wasm bytes, decoded from the string the script carries (a new Uint8Array). */
export const engineBytes = wasmBytes;

/** The FAQ bundled into the script (faq.json, already parsed). */
export const bundledFaq = BUNDLED_FAQ;

/** The widget's stylesheet text (www/src/widget.css, minified). */
export const widgetCss = WIDGET_CSS;
