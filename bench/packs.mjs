// The compiled FAQs the benchmark loads, made before any browser starts, as `make dist` makes the
// shipped one: `target/release/faq compile FAQ.json --out FAQ.pack`, and the widget's script filled
// with that pack (dist/templates/faq-widget.js, the template `make dist` fills with dist/faq.pack).
//
// Compiling trains a model (about 30 s at 10,000 entries on this machine), so a pack is cached in
// bench-results/ next to a key: the SHA-256 of the FAQ's bytes and of the faq binary. A changed FAQ
// or a rebuilt tool compiles again; anything else reuses the file.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fillScript } from "../www/src/publish.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const FAQ_BIN = path.join(ROOT, "target/release/faq");

const sha = (buf) => crypto.createHash("sha256").update(buf).digest("hex");

/**
 * The pack of the FAQ file `json`, written to `out` (cached: compiled again only when the FAQ or
 * the faq binary changed). Returns { file, compiledMs } (compiledMs null when the cache served it).
 */
export function packOf(json, out) {
  if (!fs.existsSync(FAQ_BIN)) throw new Error(`bench: ${path.relative(ROOT, FAQ_BIN)} is missing (cargo build --release --bin faq)`);
  const key = `${sha(fs.readFileSync(json))} ${sha(fs.readFileSync(FAQ_BIN))}\n`;
  const keyFile = `${out}.key`;
  if (fs.existsSync(out) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) return { file: out, compiledMs: null };
  const t = Date.now();
  execFileSync(FAQ_BIN, ["compile", json, "--out", out], { stdio: ["ignore", "ignore", "inherit"] });
  fs.writeFileSync(keyFile, key);
  return { file: out, compiledMs: Date.now() - t };
}

/**
 * dist/faq-widget.js as `make dist` would build it for this pack: the template filled, with the
 * byte order mark the bundler writes. Written to `out` when its bytes differ.
 */
export function filledScript(packFile, out, dist = path.join(ROOT, "dist")) {
  const template = fs.readFileSync(path.join(dist, "templates/faq-widget.js"), "utf8");
  const text = `\uFEFF${fillScript(template, fs.readFileSync(packFile, "utf8"))}`;
  if (!fs.existsSync(out) || fs.readFileSync(out, "utf8") !== text) fs.writeFileSync(out, text);
  return out;
}
