// Filling the widget's script with an FAQ. `make dist` (scripts/bundle.mjs) builds the script once
// as a template with two slots, for the FAQ's texts and for its compiled index, and fills them from
// the pack that `faq compile` writes; the studio fills the same templates from the pack its
// WebAssembly makes. One function, so both make the same bytes.

/** The slot for the FAQ's texts (the pack's "display"), as it stands in a template. */
export const DISPLAY_SLOT = '"@@FAQ-DISPLAY@@"';
/** The slot for the compiled index. */
export const INDEX_SLOT = '"@@FAQ-INDEX@@"';
/** What a pack says it is (src/engine/build/pack.rs). */
export const PACK_FORMAT = "faq-widget-pack";
export const PACK_VERSION = 1;

/** A JS string literal of `s`, escaping only what must not appear raw in a script or a page. */
export function jsString(s) {
  return `"${s.replace(/[\\"\n\r<\u2028\u2029\0]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

// Bytes as text: one character per byte, each XORed with one key; the key is the one that puts
// most bytes on one-byte ASCII characters, and the rest (with the few ASCII characters a script's
// string cannot hold raw) become two-byte characters from U+0100 on. brotli compresses that
// within 1% of the raw bytes, the engine's and the index's alike (measured: 19.94 KB against
// 19.71 KB for the engine; a table of the bytes by frequency, before, cost 6%; base64 costs
// about 30%). The key comes first, as U+0100 + key.
const UNSAFE = [0x00, 0x0a, 0x0d, 0x22, 0x5c, 0x3c]; // NUL, LF, CR, ", \, < (for </script>)
/** The character code of byte `c` (already XORed with the key). */
const charOf = (c) => (c >= 0x80 ? 0x80 + c : UNSAFE.includes(c) ? 0x180 + c : c);

/** `bytes` as a string the script's `decodeBytes` turns back into them. */
export function encodeBytes(bytes) {
  const freq = new Array(256).fill(0);
  for (const b of bytes) freq[b]++;
  let key = 0;
  let fewest = Infinity;
  for (let k = 0; k < 256; k++) {
    let wide = 0;
    for (let b = 0; b < 256; b++) if (charOf(b ^ k) > 0x7f) wide += freq[b];
    if (wide < fewest) [key, fewest] = [k, wide];
  }
  const parts = [String.fromCharCode(0x100 + key)];
  for (let i = 0; i < bytes.length; i += 8192) {
    parts.push(String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => charOf(b ^ key))));
  }
  return parts.join("");
}

/**
 * The inverse of `encodeBytes`: bytes `from` to `to` of `s` into `out` (by default all of them
 * into a new array; the widget decodes its engine a slice per idle moment). The script carries
 * this very function (scripts/bundle.mjs puts its text in).
 */
export function decodeBytes(s, out = new Uint8Array(s.length - 1), from = 0, to = out.length) {
  const key = s.charCodeAt(0) - 0x100;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i + 1);
    out[i] = (c < 0x80 ? c : c < 0x180 ? c - 0x80 : c - 0x180) ^ key;
  }
  return out;
}

/** The bytes of a base64 text. */
export function fromBase64(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A pack's JSON text, checked: its display object and its index bytes. Throws a clear Error. */
export function readPack(text) {
  let pack;
  try {
    pack = typeof text === "string" ? JSON.parse(text) : text;
  } catch (e) {
    throw new Error(`not a compiled FAQ (faq compile writes one): ${e.message}`);
  }
  if (!pack || pack.format !== PACK_FORMAT) throw new Error("not a compiled FAQ (faq compile writes one)");
  if (pack.version !== PACK_VERSION) throw new Error(`compiled FAQ version ${pack.version}: this widget reads version ${PACK_VERSION}; compile it again`);
  if (!pack.display || typeof pack.display !== "object" || !Array.isArray(pack.display.entries)) throw new Error("the compiled FAQ has no texts");
  if (typeof pack.index !== "string") throw new Error("the compiled FAQ has no index");
  return { display: pack.display, index: fromBase64(pack.index) };
}

function replaceOnce(text, slot, value) {
  const at = text.indexOf(slot);
  if (at < 0 || text.indexOf(slot, at + 1) >= 0) throw new Error(`the template must hold ${slot} exactly once`);
  return text.slice(0, at) + value + text.slice(at + slot.length);
}

/** The script with the FAQ of `packText` in its slots. */
export function fillScript(template, packText) {
  const { display, index } = readPack(packText);
  const displayLiteral = JSON.stringify(display)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return replaceOnce(replaceOnce(template, DISPLAY_SLOT, displayLiteral), INDEX_SLOT, jsString(encodeBytes(index)));
}

/** SHA-256 of `text` (UTF-8), in base64: the kiosk page's CSP names its one script by it. */
export function sha256Base64(text) {
  const data = new TextEncoder().encode(text);
  const K = new Uint32Array(64);
  const prime = (n) => {
    for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
    return true;
  };
  const H = new Uint32Array(8);
  for (let n = 2, i = 0, j = 0; j < 64; n++) {
    if (!prime(n)) continue;
    if (i < 8) H[i++] = (Math.sqrt(n) % 1) * 2 ** 32;
    K[j++] = (Math.cbrt(n) % 1) * 2 ** 32;
  }
  const len = data.length;
  const blocks = new Uint8Array(((len + 9 + 63) >> 6) << 6);
  blocks.set(data);
  blocks[len] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 4, len * 8);
  view.setUint32(blocks.length - 8, Math.floor(len / 2 ** 29));
  const W = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < blocks.length; off += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getUint32(off + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
      const s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
      W[t] = W[t - 16] + s0 + W[t - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) H[i] = (H[i] + add[i]) >>> 0;
  }
  let bin = "";
  for (let i = 0; i < 8; i++) for (let s = 24; s >= 0; s -= 8) bin += String.fromCharCode((H[i] >>> s) & 0xff);
  return btoa(bin);
}

/** The kiosk page: its template with the script inlined and named in its CSP by hash. */
export function kioskPage(pageTemplate, script) {
  return replaceOnce(replaceOnce(pageTemplate, "@SCRIPT_HASH@", `sha256-${sha256Base64(script)}`), "@SCRIPT@", script);
}
