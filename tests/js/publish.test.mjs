// Bytes carried as text in the script (encodeBytes / decodeBytes in www/src/publish.js): the
// engine's WebAssembly and the FAQ's compiled index travel this way in every published script.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeBytes, encodeBytes } from "../../www/src/publish.js";

/** Deterministic pseudo-random bytes, skewed like a wasm module's (many small values). */
function bytes(n, seed = 7) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x % 3 === 0 ? (x >>> 8) & 0xff : (x >>> 8) & 0x1f;
  }
  return out;
}

test("every byte value comes back, whatever the key", () => {
  const all = Uint8Array.from({ length: 512 }, (_, i) => i & 0xff);
  assert.deepEqual(decodeBytes(encodeBytes(all)), all);
  const some = bytes(20000);
  assert.deepEqual(decodeBytes(encodeBytes(some)), some);
  assert.deepEqual(decodeBytes(encodeBytes(new Uint8Array(0))), new Uint8Array(0));
});

test("one character per byte after the key, none that a script's string cannot hold raw", () => {
  const text = encodeBytes(bytes(5000));
  assert.equal(text.length, 5001);
  assert.doesNotMatch(text, /[\0\n\r"\\<\u2028\u2029]/);
  assert.ok(text.charCodeAt(0) >= 0x100 && text.charCodeAt(0) < 0x200, "the key, as U+0100 + key");
});

test("the key puts most bytes on one-byte characters", () => {
  // Bytes that are all >= 0x80 would all be two-byte characters unXORed.
  const high = Uint8Array.from(bytes(4000), (b) => 0x80 | b);
  const text = encodeBytes(high);
  const wide = [...text.slice(1)].filter((c) => c.charCodeAt(0) > 0x7f).length;
  assert.ok(wide < high.length / 2, `${wide} of ${high.length} two-byte characters`);
});

test("a slice at a time gives the same bytes as all at once", () => {
  const some = bytes(10000, 3);
  const text = encodeBytes(some);
  const out = decodeBytes(text, undefined, 0, 0);
  assert.equal(out.length, some.length);
  for (let at = 0; at < out.length; at += 4096) decodeBytes(text, out, at, Math.min(out.length, at + 4096));
  assert.deepEqual(out, some);
});
