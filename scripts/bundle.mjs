#!/usr/bin/env node
// Builds the embeddable widget from the wasm-pack output (pkg/), faq.json and www/src/:
//
//   dist/faq-widget.js   ONE classic script: wasm-bindgen glue + engine bytes + FAQ + widget + CSS,
//                        in one IIFE whose only global effect is the <faq-widget> custom element
//   dist/kiosk.html      one self-contained page for the kiosk (the script inlined, strict CSP
//                        with the script's hash), to open from disk with no network
//   dist/faq-widget.d.ts TypeScript types of the element (from www/src/faq-widget.d.ts)
//   www/generated/       copies of the script and the kiosk page for `make demo`
//
// usage: node scripts/bundle.mjs [--pkg pkg] [--faq faq.json] [--out dist] [--wasm-encoding bytes|base64]
//                                [--no-budget] [--no-minify]
//
// The engine's bytes are inlined as a JavaScript string with one character per byte (the most
// frequent bytes map to one-byte ASCII characters, the rest to U+00A0..U+017F), which gzip and
// brotli compress almost as well as the raw .wasm; base64 would defeat their matching and cost
// ~30% more after compression. The file starts with a UTF-8 byte order mark so browsers decode it
// as UTF-8 whatever the embedding page's charset is.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { BUDGET } from "./budget.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const pkgDir = path.resolve(root, opt("--pkg", "pkg"));
const faqPath = path.resolve(root, opt("--faq", "faq.json"));
const outDir = path.resolve(root, opt("--out", "dist"));
const encoding = opt("--wasm-encoding", "bytes");

function die(msg) {
  console.error(`bundle: ${msg}`);
  process.exit(1);
}

function read(p, enc = "utf8") {
  try {
    return fs.readFileSync(p, enc);
  } catch (e) {
    die(`cannot read ${path.relative(root, p)}: ${e.message}${p.startsWith(pkgDir) ? " (run wasm-pack build --release --target web --out-dir pkg first)" : ""}`);
  }
}

// --- the wasm-bindgen glue, made fit for a classic script -------------------------------------
// Keep the bindings (FaqEngine, validateFaq) and initSync; drop the async loader, which fetches
// the .wasm next to an ES module (import.meta.url) and cannot work from one inlined script.
function adaptGlue(src) {
  const asyncStart = src.indexOf("async function __wbg_load(");
  const syncStart = src.indexOf("function initSync(");
  const initStart = src.indexOf("let __wbg_init_promise;");
  if (asyncStart < 0 || syncStart < 0 || initStart < 0 || !(asyncStart < syncStart && syncStart < initStart)) {
    die("the wasm-bindgen glue does not have the expected shape (__wbg_load, initSync, __wbg_init): check the wasm-bindgen version");
  }
  let out = src.slice(0, asyncStart) + src.slice(syncStart, initStart);
  // JavaScript the bindings import from wasm-bindgen snippets (inline_js in src/wasm.rs): inline it.
  out = out.replace(/^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';$/gm, (line, names, rel) => {
    const code = read(path.join(pkgDir, rel)).replace(/^export (function|const|let|class) /gm, "$1 ");
    for (const n of names.split(",").map((x) => x.trim())) {
      if (!new RegExp(`\\b(function|const|let|class) ${n}\\b`).test(code)) die(`snippet ${rel} does not define ${n}`);
    }
    return code;
  });
  out = out.replace(/^export (class|function|const|let) /gm, "$1 ");
  out = out.replace(/^\/\* @ts-self-types=.*\*\/\s*$/gm, "");
  for (const [bad, what] of [
    [/^\s*export\b/m, "an export"],
    [/^\s*import\b/m, "an import"],
    [/import\.meta/, "import.meta"],
    [/\bfetch\(/, "a fetch"],
    [/\beval\(|new Function\(/, "eval"],
  ]) {
    if (bad.test(out)) die(`the adapted glue still contains ${what}`);
  }
  return out.trim();
}

// A deliberately small, safe "minifier": drops whole-line comments and /** */ blocks and the
// indentation. Only for sources without multi-line strings or template literals (checked: the
// assembled script is parsed below, and the tests run it).
function slim(src) {
  const lines = src
    .replace(/^[ \t]*\/\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*$/gm, "")
    .split("\n")
    .filter((l) => l.trim() && !l.trim().startsWith("//"));
  // Trimming would change a template literal that spans lines: refuse rather than guess.
  const odd = lines.find((l) => (l.match(/`/g) || []).length % 2 === 1);
  if (odd !== undefined) die(`slim(): a template literal seems to span lines near: ${odd.trim()}`);
  return lines.map((l) => l.trim()).join("\n");
}

// --- the engine bytes as a JS string ---------------------------------------------------------
const UNSAFE = new Set([0x00, 0x0a, 0x0d, 0x22, 0x5c, 0x3c]); // NUL, LF, CR, ", \, < (for </script>)

function encodeBytes(bytes) {
  const freq = new Array(256).fill(0);
  for (const b of bytes) freq[b]++;
  const order = [...Array(256).keys()].sort((a, b) => freq[b] - freq[a] || a - b);
  const codes = [];
  for (let c = 1; c < 0x80; c++) if (!UNSAFE.has(c)) codes.push(c);
  for (let c = 0xa0; codes.length < 256; c++) codes.push(c);
  const map = new Array(256); // byte -> char code
  order.forEach((byte, k) => (map[byte] = codes[k]));
  const table = []; // table[byte] = char, as a JS string literal body
  let body = "";
  const chunks = [];
  for (let i = 0; i < bytes.length; i++) {
    body += String.fromCharCode(map[bytes[i]]);
    if (body.length >= 65536) {
      chunks.push(body);
      body = "";
    }
  }
  chunks.push(body);
  for (let b = 0; b < 256; b++) table.push(String.fromCharCode(map[b]));
  return { table: table.join(""), data: chunks.join("") };
}

function jsString(s) {
  // Only the characters that must not appear raw; everything else stays one character.
  return `"${s.replace(/[\\"\n\r<\u2028\u2029\0]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

function wasmSection(bytes) {
  if (encoding === "base64") {
    const b64 = Buffer.from(bytes).toString("base64");
    return `function wasmBytes() {
  const s = atob("${b64}");
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}`;
  }
  if (encoding !== "bytes") die(`unknown --wasm-encoding ${encoding}`);
  const { table, data } = encodeBytes(bytes);
  // Verify the round trip here so that a broken encoding fails the build, not the browser.
  const inv = new Uint8Array(0x200);
  for (let b = 0; b < 256; b++) inv[table.charCodeAt(b)] = b;
  for (let i = 0; i < bytes.length; i++) if (inv[data.charCodeAt(i)] !== bytes[i]) die(`byte encoding round trip failed at ${i}`);
  return `function wasmBytes() {
  const t = ${jsString(table)};
  const s = ${jsString(data)};
  const inv = new Uint8Array(0x200);
  for (let b = 0; b < 256; b++) inv[t.charCodeAt(b)] = b;
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = inv[s.charCodeAt(i)];
  return out;
}`;
}

// --- assemble -----------------------------------------------------------------------------------
const glue = slim(adaptGlue(read(path.join(pkgDir, "faq_widget.js"))));
const wasm = read(path.join(pkgDir, "faq_widget_bg.wasm"), null);
if (!WebAssembly.validate(wasm)) die("pkg/faq_widget_bg.wasm is not valid WebAssembly");
let faq;
try {
  faq = JSON.parse(read(faqPath));
} catch (e) {
  die(`${path.relative(root, faqPath)}: ${e.message}`);
}
const faqJson = JSON.stringify(faq).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
const css = read(path.join(root, "www/src/widget.css"))
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s+/g, " ")
  .replace(/\s*([{};,>])\s*/g, "$1")
  .replace(/:\s+/g, ":")
  .replace(/;}/g, "}")
  .trim();
const widget = slim(read(path.join(root, "www/src/widget.js")));
const version = JSON.parse(read(path.join(root, "Cargo.toml")).match(/^version\s*=\s*("[^"]+")/m)?.[1] ?? '"0"');

const assembled = `/*! faq-widget ${version}: FAQ assistant for ${faq.organization || "the FAQ"}, answered in the browser (Rust/WebAssembly). MIT. */
(function () {
"use strict";
if (typeof customElements === "undefined" || customElements.get("faq-widget")) return;
// ---- wasm-bindgen bindings (generated) ----
${glue}
// ---- the engine (WebAssembly) ----
${wasmSection(wasm)}
// ---- the FAQ ----
const BUNDLED_FAQ = ${faqJson};
// ---- styles ----
const WIDGET_CSS = ${jsString(css)};
// ---- the widget ----
${widget}
})();
`;

// Minify (terser, a pinned dev dependency; --no-minify to read the output): shorter names and no
// comments save ~2 KB gzip. inline_script keeps "</script" and "<!--" out of the kiosk page.
let script = assembled;
if (!args.includes("--no-minify")) {
  try {
    const out = await minify(assembled, {
      compress: { passes: 2 },
      mangle: true,
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

const kioskTemplate = read(path.join(root, "www/src/kiosk.html"));
const hash = `sha256-${crypto.createHash("sha256").update(script, "utf8").digest("base64")}`;
const kiosk = kioskTemplate.replace("@SCRIPT_HASH@", hash).replace("@SCRIPT@", () => script);

const bom = "\uFEFF";
fs.mkdirSync(outDir, { recursive: true });
const files = {
  "faq-widget.js": bom + script,
  "kiosk.html": kiosk,
};
const genDir = path.join(root, "www/generated");
fs.mkdirSync(genDir, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  fs.writeFileSync(path.join(outDir, name), text);
  fs.writeFileSync(path.join(genDir, name), text);
}

// --- sizes ---------------------------------------------------------------------------------------
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (name, buf) => `  ${name.padEnd(28)} ${kb(buf.length).padStart(9)} raw ${kb(gz(buf)).padStart(9)} gzip ${kb(br(buf)).padStart(9)} brotli`;
const js = Buffer.from(files["faq-widget.js"], "utf8");
const parts = {
  "  glue": Buffer.from(glue),
  "  engine (.wasm, inlined)": Buffer.from(wasmSection(wasm)),
  "  faq.json": Buffer.from(faqJson),
  "  widget + css": Buffer.from(widget + css),
};
const sizes = { js: { raw: js.length, gzip: gz(js), brotli: br(js) }, wasm: { raw: wasm.length, gzip: gz(wasm), brotli: br(wasm) } };
console.log(`bundle: wrote ${path.relative(root, outDir)}/faq-widget.js and kiosk.html (wasm encoding: ${encoding})`);
console.log(row(`${path.relative(root, outDir)}/faq-widget.js`, js));
console.log("  parts, before minification:");
for (const [k, v] of Object.entries(parts)) console.log(row(k, v));
console.log(row("pkg/faq_widget_bg.wasm alone", wasm));
console.log(row(`${path.relative(root, outDir)}/kiosk.html`, Buffer.from(kiosk)));
fs.copyFileSync(path.join(root, "www/src/faq-widget.d.ts"), path.join(outDir, "faq-widget.d.ts"));
fs.writeFileSync(path.join(outDir, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
// A budget that is exceeded fails the build (--no-budget: for profiling builds with names kept).
for (const [kind, limit] of Object.entries(BUDGET)) {
  if (limit && sizes.js[kind] > limit && !args.includes("--no-budget")) {
    die(`faq-widget.js is ${kb(sizes.js[kind])} ${kind}, over the ${kb(limit)} budget (scripts/budget.mjs)`);
  }
}
