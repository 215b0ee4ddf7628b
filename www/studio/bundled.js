// What scripts/studio.mjs puts around the studio's modules in dist/studio.html's one script: the
// wasm-bindgen bindings of the studio's WebAssembly (feature `studio`: checkFaq, compileFaq,
// formatFaq, StudioEngine, initSync), its bytes as text (STUDIO_WASM), the FAQ the build bundled
// (STUDIO_FAQ, faq.json's text) and the templates of the files it publishes (STUDIO_TEMPLATES, the
// ones `make dist` fills). They are constants of the script's outer function, so this is the one
// module that reads them; the others import them from here.

/* global initSync, checkFaq, compileFaq, formatFaq, StudioEngine, STUDIO_WASM, STUDIO_FAQ, STUDIO_TEMPLATES */

import { decodeBytes } from "../src/publish.js";

let started = false;

/** The studio's WebAssembly, instantiated on first use: the `faq` tool's commands, for the browser. */
export function studioWasm() {
  if (!started) {
    initSync({ module: decodeBytes(STUDIO_WASM) });
    started = true;
  }
  return { checkFaq, compileFaq, formatFaq, StudioEngine };
}

/** The text of the faq.json the studio was built with. */
export const bundledFaqText = STUDIO_FAQ;

/** The templates `make dist` fills (dist/templates/): "faq-widget.js", "kiosk.js", "kiosk.html". */
export const templates = STUDIO_TEMPLATES;
