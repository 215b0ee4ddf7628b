#!/usr/bin/env node
// Builds the embeddable widget from the wasm-pack output (pkg/), the compiled FAQ (the pack that
// `faq compile` writes: the FAQ's texts and its index) and www/src/:
//
//   dist/faq-widget.js   ONE classic script: wasm-bindgen glue + engine bytes + the FAQ's pack +
//                        CSS + the widget's modules, in one IIFE whose only global effect is the
//                        <faq-widget> custom element; also .gz and .br for servers that send
//                        precompressed files
//   dist/templates/      the scripts and the kiosk page with empty FAQ slots, for the studio
//   dist/studio.html     with --studio PKG (the wasm-pack output of `make pkg-studio`): the FAQ
//                        studio, one page for the office with those templates and faq.json inside
//                        (scripts/studio.mjs)
//   dist/kiosk.html      one self-contained page for the kiosk (its script inlined, strict CSP
//                        with the script's hash), to open from disk with no network; its script
//                        adds the kiosk-only modules (kiosk*.js: on-screen keyboard, touch layout,
//                        QR codes, speech, the staff counts), their CSS and the staff PIN's hash
//   dist/faq-widget.d.ts TypeScript types of the element (from www/src/faq-widget.d.ts)
//   www/generated/       copies of the script and the kiosk page for `make demo` (only when
//                        building into dist/)
//
// usage: node scripts/bundle.mjs [--pkg pkg] [--pack dist/faq.pack] [--out dist] [--no-budget] [--no-minify]
//                                [--kiosk-pin DIGITS] [--studio pkg-studio] [--faq faq.json]
//
// The kiosk's staff PIN is --kiosk-pin, else $KIOSK_PIN, else the documented default
// (scripts/kiosk-pin.mjs), which the build warns about; the page holds only a salted hash of it.
//
// The widget's ES modules (www/src/*.js) are bundled by esbuild into an IIFE, which goes inside
// the script's outer function after the parts generated here; www/src/bundled.js is the one
// module that reads those parts. terser then minifies the whole script.
//
// The script is built once as a template with two slots (www/src/publish.js), then filled with the
// pack: the studio fills the same templates in the browser and gets the same bytes. The engine's
// and the index's bytes are inlined as text (encodeBytes in publish.js). The file starts with a
// UTF-8 byte order mark so browsers decode it as UTF-8 whatever the embedding page's charset is.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";
import { gzipAsync as zopfli } from "@gfx/zopfli";
import * as esbuild from "esbuild";
import { minify } from "terser";
import { DISPLAY_SLOT, decodeBytes, encodeBytes, fillScript, INDEX_SLOT, jsString, kioskPage, readPack } from "../www/src/publish.js";
import { BUDGET } from "./budget.mjs";
import { adaptGlue } from "./glue.mjs";
import { hashPin, kioskPin, PIN_PATTERN } from "./kiosk-pin.mjs";
import { buildStudio } from "./studio.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const pkgDir = path.resolve(root, opt("--pkg", "pkg"));
const packPath = path.resolve(root, opt("--pack", "dist/faq.pack"));
const outDir = path.resolve(root, opt("--out", "dist"));
const srcDir = path.join(root, "www/src");

// The entry modules, in www/src/, and the outputs whose script includes each. A script runs its
// entries in this order, each after what it imports (esbuild follows the imports). The kiosk page
// inlines a script of its own, so a module for the kiosk alone is one more line here. Outputs with
// the same entries share one build. kiosk.js (the touch kiosk) and what it imports reach
// kiosk.html only: the website's faq-widget.js does not carry a byte of it.
const ENTRIES = {
  "element.js": ["faq-widget.js", "kiosk.html"],
  "kiosk.js": ["kiosk.html"],
};
const OUTPUTS = ["faq-widget.js", "kiosk.html"];

function die(msg) {
  console.error(`bundle: ${msg}`);
  process.exit(1);
}

function read(p, enc = "utf8") {
  try {
    return fs.readFileSync(p, enc);
  } catch (e) {
    die(
      `cannot read ${path.relative(root, p)}: ${e.message}${p.startsWith(pkgDir) ? " (run wasm-pack build --release --target web --out-dir pkg first)" : ""}`,
    );
  }
}

/** The package's glue made fit for a classic script (scripts/glue.mjs), or the build stops saying why. */
function adaptGlueOrDie(dir) {
  try {
    return adaptGlue(read(path.join(dir, "faq_widget.js")), dir);
  } catch (e) {
    die(e.message);
  }
}

// --- assemble -----------------------------------------------------------------------------------
const glue = adaptGlueOrDie(pkgDir);
const wasm = read(path.join(pkgDir, "faq_widget_bg.wasm"), null);
if (!WebAssembly.validate(wasm)) die("pkg/faq_widget_bg.wasm is not valid WebAssembly");
const packText = read(packPath);
let pack;
try {
  pack = readPack(packText);
} catch (e) {
  die(`${path.relative(root, packPath)}: ${e.message} (make dist runs faq compile first)`);
}
/** CSS without comments and needless white space. */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}
const css = minifyCss(read(path.join(srcDir, "widget.css")));
const version = JSON.parse(read(path.join(root, "Cargo.toml")).match(/^version\s*=\s*("[^"]+")/m)?.[1] ?? '"0"');

// What the modules find around them: the names www/src/bundled.js reads (its /* global */ line)
// must all be defined here, or the script would only fail in the browser.
const prelude = `// ---- wasm-bindgen bindings (generated) ----
${glue}
// ---- bytes carried as text (encodeBytes in www/src/publish.js) ----
${decodeBytes.toString()}
const WASM_BYTES = ${jsString(encodeBytes(wasm))};
// ---- the FAQ: its texts and its compiled index ----
const BUNDLED_FAQ = ${DISPLAY_SLOT};
const BUNDLED_INDEX = ${INDEX_SLOT};
// ---- styles ----
const WIDGET_CSS = ${jsString(css)};`;

// What the kiosk's modules find around them as well (www/src/kiosk-bundled.js): their CSS and the
// staff PIN's salted hash.
const pin = kioskPin(args);
if (!PIN_PATTERN.test(pin.pin)) die(`the kiosk PIN must be 4 to 12 digits (--kiosk-pin or KIOSK_PIN)`);
const kioskCss = minifyCss(read(path.join(srcDir, "kiosk.css")));
const kioskPrelude = `// ---- the kiosk's styles and staff PIN (a salted PBKDF2 hash) ----
const KIOSK_CSS = ${jsString(kioskCss)};
const KIOSK_PIN = ${JSON.stringify(hashPin(pin.pin))};`;

/** Checks that every name `module` reads from the script (its /* global *\/ line) is defined in `text`. */
function checkProvided(module, text) {
  const names =
    read(path.join(srcDir, module))
      .match(/\/\* global ([\w, ]+) \*\//)?.[1]
      .split(/,\s*/) ?? [];
  if (!names.length) die(`www/src/${module} has no /* global ... */ line naming what it reads`);
  for (const name of names) {
    if (!new RegExp(`^(?:const|let|function|class) ${name}\\b`, "m").test(text)) die(`www/src/${module} reads ${name}, which the script does not define`);
  }
}
checkProvided("bundled.js", prelude);
checkProvided("kiosk-bundled.js", kioskPrelude);

// Properties named _lowercase are the modules' private state and methods: terser shortens them
// too, which keeps the split into modules from costing download size. Nothing may reach them by a
// quoted name (keep_quoted leaves those alone), and the glue must not use such names.
const PRIVATE = /^_[a-z]/;
const clash = glue.match(/\.(_[a-z]\w*)|[{,]\s*(_[a-z]\w*)\s*:/);
if (clash) die(`the wasm-bindgen glue uses the property ${clash[1] || clash[2]}, which terser would shorten as a private one`);

/** The modules bundled by esbuild into one IIFE (not minified: terser does that for the whole script). */
async function bundleModules(modules) {
  try {
    const result = await esbuild.build({
      stdin: { contents: modules.map((m) => `import ${JSON.stringify(`./${m}`)};`).join("\n"), resolveDir: srcDir, sourcefile: "entry.js" },
      bundle: true,
      format: "iife",
      platform: "browser",
      charset: "utf8",
      legalComments: "none",
      write: false,
      logLevel: "silent",
    });
    return result.outputFiles[0].text.trim();
  } catch (e) {
    die(`esbuild could not bundle ${modules.join(", ")}: ${e.message}`);
  }
}

/** One classic script around `widget` (the bundled modules) and `extra` (more of the prelude): minified unless --no-minify, checked. */
async function assemble(widget, extra) {
  const assembled = `/*! faq-widget ${version}: an FAQ assistant answered in the browser (Rust/WebAssembly). MIT. */
(function () {
"use strict";
if (typeof customElements === "undefined" || customElements.get("faq-widget")) return;
${prelude}
${extra}
// ---- the widget ----
${widget}
})();
`;
  // Minify (terser, a pinned dev dependency; --no-minify to read the output): shorter names and
  // no comments. inline_script keeps "</script" and "<!--" out of the kiosk page.
  let script = assembled;
  if (!args.includes("--no-minify")) {
    try {
      const out = await minify(assembled, {
        compress: { passes: 2 },
        mangle: { properties: { regex: PRIVATE, keep_quoted: true } },
        format: { ascii_only: false, inline_script: true, comments: /^!/ },
      });
      script = out.code;
    } catch (e) {
      die(`terser could not minify the script: ${e.message}`);
    }
  }
  try {
    new vm.Script(script, { filename: "faq-widget.js" });
  } catch (e) {
    die(`the assembled script does not parse: ${e.message}`);
  }
  for (const bad of [/<\/script/i, /<!--/, /<script/i]) {
    if (bad.test(script)) die(`the script contains ${bad}, which would break the inlined kiosk page`);
  }
  for (const slot of [DISPLAY_SLOT, INDEX_SLOT]) {
    if (script.split(slot).length !== 2) die(`the minified script must hold ${slot} exactly once`);
  }
  return script;
}

for (const [entry, outputs] of Object.entries(ENTRIES)) {
  for (const o of outputs) if (!OUTPUTS.includes(o)) die(`ENTRIES: ${entry} is for ${o}, which is not one of ${OUTPUTS.join(", ")}`);
}
const entriesOf = (output) => Object.keys(ENTRIES).filter((m) => ENTRIES[m].includes(output));
// The kiosk's modules read KIOSK_CSS and KIOSK_PIN: the scripts that include kiosk.js define them.
const extraOf = (modules) => (modules.includes("kiosk.js") ? kioskPrelude : "");
const built = new Map(); // the entries, joined -> {widget, script}
for (const output of OUTPUTS) {
  const modules = entriesOf(output);
  const key = modules.join(" ");
  if (built.has(key)) continue;
  if (!modules.length) die(`ENTRIES: no module for ${output}`);
  const widget = await bundleModules(modules);
  built.set(key, { widget, script: await assemble(widget, extraOf(modules)) });
}
const scriptOf = (output) => built.get(entriesOf(output).join(" "));
const template = scriptOf("faq-widget.js").script;
const kioskTemplate = scriptOf("kiosk.html").script;
const pageTemplate = read(path.join(srcDir, "kiosk.html"));
const script = fillScript(template, packText);
const kiosk = kioskPage(pageTemplate, fillScript(kioskTemplate, packText));
// The studio rebuilds both files from these and a pack; a test checks it gets these bytes.
const templates = { "faq-widget.js": template, "kiosk.js": kioskTemplate, "kiosk.html": pageTemplate };
fs.mkdirSync(path.join(outDir, "templates"), { recursive: true });
for (const [name, text] of Object.entries(templates)) fs.writeFileSync(path.join(outDir, "templates", name), text);

const bom = "\uFEFF";
fs.mkdirSync(outDir, { recursive: true });
const files = {
  "faq-widget.js": bom + script,
  "kiosk.html": kiosk,
};
// The studio carries the templates and the faq.json the pack was compiled from (make dist compiles
// faq.json), so that it opens that FAQ and republishes exactly these files from it.
const studioPkg = opt("--studio", null);
if (studioPkg) {
  const faqPath = path.resolve(root, opt("--faq", "faq.json"));
  try {
    files["studio.html"] = await buildStudio({ root, studioPkg: path.resolve(root, studioPkg), templates, faqText: read(faqPath), version });
  } catch (e) {
    die(`studio.html: ${e.message}`);
  }
}
// The demo's copies follow dist/ only: a build elsewhere (a profiling build, a test's build with
// another PIN) leaves them alone.
const genDir = outDir === path.join(root, "dist") ? path.join(root, "www/generated") : null;
if (genDir) fs.mkdirSync(genDir, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  fs.writeFileSync(path.join(outDir, name), text);
  if (genDir) fs.writeFileSync(path.join(genDir, name), text);
}

// --- sizes ---------------------------------------------------------------------------------------

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (name, buf) => `  ${name.padEnd(28)} ${kb(buf.length).padStart(9)} raw ${kb(gz(buf)).padStart(9)} gzip ${kb(br(buf)).padStart(9)} brotli`;
const js = Buffer.from(files["faq-widget.js"], "utf8");
const parts = {
  "  glue": Buffer.from(glue),
  "  engine (.wasm, inlined)": Buffer.from(jsString(encodeBytes(wasm))),
  "  FAQ texts": Buffer.from(JSON.stringify(pack.display)),
  "  FAQ index (inlined)": Buffer.from(jsString(encodeBytes(pack.index))),
  "  widget modules + css": Buffer.from(scriptOf("faq-widget.js").widget + css),
};
// The precompressed copies, for servers that send them (nginx gzip_static / brotli_static,
// Apache): the .gz by zopfli, whose deflate streams any gzip reader reads and which are some 9 %
// smaller than zlib's level 9 here (its slower search finds more of the inlined engine's repeats).
const jsGz = Buffer.from(await zopfli(js, { numiterations: 15 }));
const jsBr = zlib.brotliCompressSync(js, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
if (!zlib.gunzipSync(jsGz).equals(js)) die("faq-widget.js.gz does not unpack to faq-widget.js");
// gzip: the .gz served as it is; gzip9: what a server compressing on the fly at level 9 sends
// (the figure the benchmarks compare with the peers, compressed the same way).
const sizes = {
  js: { raw: js.length, gzip: jsGz.length, gzip9: gz(js), brotli: jsBr.length },
  wasm: { raw: wasm.length, gzip: gz(wasm), brotli: br(wasm) },
};
console.log(`bundle: wrote ${path.relative(root, outDir)}/faq-widget.js (+ .gz, .br), kiosk.html, ${files["studio.html"] ? "studio.html, " : ""}templates/`);
console.log(row(`${path.relative(root, outDir)}/faq-widget.js`, js));
console.log(`  ${"  as faq-widget.js.gz".padEnd(28)} ${kb(jsGz.length).padStart(27)} gzip (zopfli)`);
console.log("  parts, before minification:");
for (const [k, v] of Object.entries(parts)) console.log(row(k, v));
console.log(row("pkg/faq_widget_bg.wasm alone", wasm));
console.log(row(`${path.relative(root, outDir)}/kiosk.html`, Buffer.from(kiosk)));
{
  // What the kiosk's own modules cost: kiosk.html against the website's script.
  const k = Buffer.from(kiosk);
  const d = (f) => f(k) - f(js);
  console.log(
    `  ${"  kiosk.html - faq-widget.js".padEnd(28)} ${kb(d((b) => b.length)).padStart(9)} raw ${kb(d(gz)).padStart(9)} gzip ${kb(d(br)).padStart(9)} brotli`,
  );
}
if (files["studio.html"]) console.log(row(`${path.relative(root, outDir)}/studio.html`, Buffer.from(files["studio.html"])));
if (pin.isDefault) console.log("  kiosk staff PIN: the default one (scripts/kiosk-pin.mjs): build the office's copy with --kiosk-pin or KIOSK_PIN");
fs.copyFileSync(path.join(srcDir, "faq-widget.d.ts"), path.join(outDir, "faq-widget.d.ts"));
fs.writeFileSync(path.join(outDir, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
fs.writeFileSync(path.join(outDir, "faq-widget.js.gz"), jsGz);
fs.writeFileSync(path.join(outDir, "faq-widget.js.br"), jsBr);
// A budget that is exceeded fails the build (--no-budget: for profiling builds with names kept).
for (const [kind, limit] of Object.entries(BUDGET)) {
  if (limit && sizes.js[kind] > limit && !args.includes("--no-budget")) {
    die(`faq-widget.js is ${kb(sizes.js[kind])} ${kind}, over the ${kb(limit)} budget (scripts/budget.mjs)`);
  }
}
