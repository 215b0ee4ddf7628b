// Builds dist/studio.html, the FAQ studio: one self-contained page the office opens from disk.
// scripts/bundle.mjs calls it (`make dist`: --studio pkg-studio) once it has made the templates:
//
//   the page        www/studio/studio.html, its strict CSP naming its one script and one style by
//                   hash (nothing can be fetched, no inline handler, no eval)
//   its script      one classic script: the studio package's wasm-bindgen glue, the studio's
//                   WebAssembly as text (encodeBytes), faq.json's text, the templates of
//                   faq-widget.js and kiosk.html, then www/studio/*.js bundled by esbuild
//   its style       www/studio/studio.css
//
// The studio fills the templates with publish.js, as bundle.mjs does, so what it downloads is byte
// for byte what `make dist` writes from the same faq.json.

import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import * as esbuild from "esbuild";
import { encodeBytes, jsString, sha256Base64 } from "../www/src/publish.js";
import { adaptGlue } from "./glue.mjs";

/** A JS object literal of `obj`'s string values, each a jsString (safe inside a page). */
function stringsLiteral(obj) {
  return `{${Object.entries(obj)
    .map(([k, v]) => `${JSON.stringify(k)}: ${jsString(v)}`)
    .join(", ")}}`;
}

function replaceOnce(text, slot, value) {
  const at = text.indexOf(slot);
  if (at < 0 || text.indexOf(slot, at + 1) >= 0) throw new Error(`www/studio/studio.html must hold ${slot} exactly once`);
  return text.slice(0, at) + value + text.slice(at + slot.length);
}

/**
 * The studio page. `studioPkg`: the wasm-pack output of `make pkg-studio`; `templates`: the
 * texts bundle.mjs wrote to dist/templates/; `faqText`: the faq.json it bundles. Throws an Error
 * saying what is wrong.
 */
export async function buildStudio({ root, studioPkg, templates, faqText, version }) {
  const read = (p, enc = "utf8") => {
    try {
      return fs.readFileSync(p, enc);
    } catch (e) {
      throw new Error(`cannot read ${path.relative(root, p)}: ${e.message}${p.startsWith(studioPkg) ? " (run make pkg-studio first)" : ""}`);
    }
  };
  const glue = adaptGlue(read(path.join(studioPkg, "faq_widget.js")), studioPkg);
  for (const name of ["checkFaq", "compileFaq", "formatFaq", "StudioEngine"]) {
    if (!new RegExp(`^(?:function|class) ${name}\\b`, "m").test(glue))
      throw new Error(`${path.relative(root, studioPkg)} has no ${name}: build it with --features studio (make pkg-studio)`);
  }
  const wasm = read(path.join(studioPkg, "faq_widget_bg.wasm"), null);
  if (!WebAssembly.validate(wasm)) throw new Error(`${path.relative(root, studioPkg)}/faq_widget_bg.wasm is not valid WebAssembly`);
  const srcDir = path.join(root, "www/studio");
  let modules;
  try {
    const result = await esbuild.build({
      entryPoints: [path.join(srcDir, "main.js")],
      bundle: true,
      format: "iife",
      platform: "browser",
      charset: "utf8",
      legalComments: "none",
      minifySyntax: true,
      minifyWhitespace: true,
      write: false,
      logLevel: "silent",
    });
    modules = result.outputFiles[0].text.trim();
  } catch (e) {
    throw new Error(`esbuild could not bundle www/studio/main.js: ${e.message}`);
  }
  const names = read(path.join(srcDir, "bundled.js"))
    .match(/\/\* global ([\w, ]+) \*\//)?.[1]
    .split(/,\s*/);
  const script = `/*! faq-widget ${version}: the FAQ studio. MIT. */
(function () {
"use strict";
// ---- wasm-bindgen bindings of the studio's WebAssembly (generated) ----
${glue}
// ---- the studio's WebAssembly, as text (encodeBytes in www/src/publish.js) ----
const STUDIO_WASM = ${jsString(encodeBytes(wasm))};
// ---- the FAQ the studio opens first ----
const STUDIO_FAQ = ${jsString(faqText)};
// ---- the templates of the files it publishes (dist/templates/) ----
const STUDIO_TEMPLATES = ${stringsLiteral(templates)};
// ---- the studio ----
${modules}
})();
`;
  for (const name of names ?? []) {
    if (!new RegExp(`^(?:const|let|function|class) ${name}\\b`, "m").test(script))
      throw new Error(`www/studio/bundled.js reads ${name}, which the studio's script does not define`);
  }
  try {
    new vm.Script(script, { filename: "studio.html" });
  } catch (e) {
    throw new Error(`the studio's script does not parse: ${e.message}`);
  }
  for (const bad of [/<\/script/i, /<!--/, /<script/i]) {
    if (bad.test(script)) throw new Error(`the studio's script contains ${bad}, which would break the page`);
  }
  const css = read(path.join(srcDir, "studio.css"))
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (/<\//.test(css)) throw new Error("www/studio/studio.css contains </, which would end its <style>");
  let page = read(path.join(srcDir, "studio.html"));
  page = replaceOnce(page, "@SCRIPT_HASH@", `sha256-${sha256Base64(script)}`);
  page = replaceOnce(page, "@STYLE_HASH@", `sha256-${sha256Base64(css)}`);
  page = replaceOnce(page, "@STYLE@", css);
  return replaceOnce(page, "@SCRIPT@", script);
}
