// What scripts/bundle.mjs puts around the modules in the one script it builds: the wasm-bindgen
// bindings (FaqEngine, initSync, SEPARATOR), the engine's bytes (WASM_BYTES, as text) and their decoder
// (decodeBytes), the FAQ's texts (BUNDLED_FAQ) and compiled index (BUNDLED_INDEX, as text), and
// the stylesheet (WIDGET_CSS). They are constants of the script's outer function, not modules, so
// this module is the one that reads them from the enclosing scope and the others import them from
// here; the modules that do not import it (text, links, faq, suggestions, …) load anywhere, node's
// unit tests included.

/* global FaqEngine, initSync, SEPARATOR, decodeBytes, WASM_BYTES, BUNDLED_FAQ, BUNDLED_INDEX, WIDGET_CSS */

/** The wasm-bindgen class: `new Engine(indexBytes)` reads one compiled FAQ; `.ask`, `.highlight`. */
export const Engine = FaqEngine;

/** What separates the names in the strings that cross into the engine and back (engine-reply.js). */
export const separator = SEPARATOR;

/** Instantiates the WebAssembly module, synchronously, from `engineBytes()`. */
export const initWasm = initSync;

/** The engine's .wasm bytes (a new Uint8Array). */
export const engineBytes = () => decodeBytes(WASM_BYTES);

/** Bytes decoded per slice by `engineBytesInSlices` (a fraction of a millisecond on a phone, once the loop is compiled). */
const SLICE = 4096;

/**
 * The engine's .wasm bytes decoded a slice at a time: the function returned decodes slices while
 * `idle.timeRemaining()` lasts (one at least) and returns the bytes when all are done, else null.
 * The first run of the loop is slow (before the JavaScript engine compiles it): in one go, on a
 * slow phone, it would be a long task.
 */
export function engineBytesInSlices() {
  const out = decodeBytes(WASM_BYTES, undefined, 0, 0); // the right length, nothing decoded yet
  let at = 0;
  return (idle) => {
    do {
      const to = Math.min(out.length, at + SLICE);
      decodeBytes(WASM_BYTES, out, at, to);
      at = to;
    } while (at < out.length && idle?.timeRemaining && idle.timeRemaining() > 1);
    return at === out.length ? out : null;
  };
}

/** The bundled FAQ's texts: what the widget shows (the pack's "display"). */
export const bundledFaq = BUNDLED_FAQ;

/** The bundled FAQ's compiled index (a new Uint8Array). */
export const bundledIndex = () => decodeBytes(BUNDLED_INDEX);

/** The widget's stylesheet text (www/src/widget.css, minified). */
export const widgetCss = WIDGET_CSS;
