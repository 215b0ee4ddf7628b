// The wasm-bindgen glue of a wasm-pack package (--target web), made fit for a classic script: the
// widget's bundle (scripts/bundle.mjs) and the studio's page (scripts/studio.mjs) inline it.

import fs from "node:fs";
import path from "node:path";

/**
 * Keeps the bindings and initSync of the glue `src` (pkg/faq_widget.js); drops the async loader,
 * which fetches the .wasm next to an ES module (import.meta.url) and cannot work from one inlined
 * script. The snippets it imports (inline_js in src/wasm.rs) are read from `pkgDir` and inlined.
 * Throws an Error saying what is wrong.
 */
export function adaptGlue(src, pkgDir) {
  const asyncStart = src.indexOf("async function __wbg_load(");
  const syncStart = src.indexOf("function initSync(");
  const initStart = src.indexOf("let __wbg_init_promise;");
  if (asyncStart < 0 || syncStart < 0 || initStart < 0 || !(asyncStart < syncStart && syncStart < initStart)) {
    throw new Error("the wasm-bindgen glue does not have the expected shape (__wbg_load, initSync, __wbg_init): check the wasm-bindgen version");
  }
  let out = src.slice(0, asyncStart) + src.slice(syncStart, initStart);
  out = out.replace(/^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';$/gm, (_line, names, rel) => {
    let code;
    try {
      code = fs.readFileSync(path.join(pkgDir, rel), "utf8");
    } catch (e) {
      throw new Error(`cannot read the snippet ${rel} of ${pkgDir}: ${e.message}`);
    }
    code = code.replace(/^export (function|const|let|class) /gm, "$1 ");
    for (const n of names.split(",").map((x) => x.trim())) {
      if (!new RegExp(`\\b(function|const|let|class) ${n}\\b`).test(code)) throw new Error(`snippet ${rel} does not define ${n}`);
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
    if (bad.test(out)) throw new Error(`the adapted glue still contains ${what}`);
  }
  return out.trim();
}
