// Text measures (www/src/text.js): UTF-8 length and cutting to the engine's byte limit, folding,
// and the unfinished word that suggestions match by prefix.

import assert from "node:assert/strict";
import { test } from "node:test";
import { cutToBytes, fold, hasWordStartingWith, unfinishedWord, utf8Length } from "../../www/src/text.js";

const SAMPLES = ["", "hola", "¿Cómo pagó?", "contraseña", "€", "日本語", "😀", "a😀b", "👍🏽 ok", "e\u0301", "🇪🇨", "\uD800", "x\uDC00y", "\uD83D"];

test("utf8Length counts what TextEncoder produces, lone surrogates as U+FFFD", () => {
  const enc = new TextEncoder();
  for (const s of SAMPLES) assert.equal(utf8Length(s), enc.encode(s).length, JSON.stringify(s));
  assert.equal(utf8Length("ñ"), 2);
  assert.equal(utf8Length("€"), 3);
  assert.equal(utf8Length("😀"), 4);
});

test("cutToBytes: ASCII is cut at the byte", () => {
  assert.equal(cutToBytes("hello", 3), "hel");
  assert.equal(cutToBytes("hello", 0), "");
  assert.equal(cutToBytes("", 10), "");
});

test("cutToBytes: an accented letter (two bytes) is kept whole or left out", () => {
  assert.equal(cutToBytes("ñandú", 1), "");
  assert.equal(cutToBytes("ñandú", 2), "ñ");
  assert.equal(cutToBytes("ñandú", 5), "ñand");
  assert.equal(cutToBytes("ñandú", 6), "ñand");
  assert.equal(cutToBytes("ñandú", 7), "ñandú");
  // A decomposed accent is a character of its own (the combining mark, two bytes).
  assert.equal(cutToBytes("e\u0301", 1), "e");
  assert.equal(cutToBytes("e\u0301", 3), "e\u0301");
});

test("cutToBytes: an emoji (four bytes, a surrogate pair) is never split", () => {
  assert.equal(cutToBytes("a😀b", 1), "a");
  assert.equal(cutToBytes("a😀b", 2), "a");
  assert.equal(cutToBytes("a😀b", 4), "a");
  assert.equal(cutToBytes("a😀b", 5), "a😀");
  assert.equal(cutToBytes("a😀b", 6), "a😀b");
  for (let max = 0; max < 40; max++) {
    const cut = cutToBytes("😀😀😀👍🏽🇪🇨😀", max);
    assert.ok(!/[\uD800-\uDBFF]$/.test(cut), `max ${max} ends in half a pair`);
  }
});

test("cutToBytes: a text of exactly max bytes is kept whole; one byte less cuts a character", () => {
  for (const s of SAMPLES) {
    const n = utf8Length(s);
    assert.equal(cutToBytes(s, n), s);
    assert.equal(cutToBytes(s, n + 1), s);
    if (s) assert.ok(cutToBytes(s, n - 1).length < s.length);
  }
});

test("cutToBytes: the longest prefix that fits, for every limit", () => {
  const s = "¿Qué pasó? 😀 Sin señal — no hay internet 日本";
  for (let max = 0; max <= utf8Length(s) + 2; max++) {
    const cut = cutToBytes(s, max);
    assert.ok(s.startsWith(cut));
    assert.ok(utf8Length(cut) <= max);
    if (cut.length < s.length) {
      const next = String.fromCodePoint(s.codePointAt(cut.length));
      assert.ok(utf8Length(cut + next) > max, `max ${max}: one more character would fit`);
    }
  }
});

test("fold: lower case, accents and tildes removed", () => {
  assert.equal(fold("¿Qué PASÓ?"), "¿que paso?");
  assert.equal(fold("Contraseña"), "contrasena");
  assert.equal(fold("Pingüino"), "pinguino");
  assert.equal(fold("ÁÉÍÓÚ"), "aeiou");
  assert.equal(fold("e\u0301"), "e");
  assert.equal(fold("wifi 😀"), "wifi 😀");
});

test("unfinishedWord: the last word while it is being typed, folded", () => {
  assert.equal(unfinishedWord("como pago la fact"), "fact");
  assert.equal(unfinishedWord("¿Cómo PAGÓ"), "pago");
  assert.equal(unfinishedWord("contraseñ"), "contrasen");
  assert.equal(unfinishedWord("wifi2"), "wifi2");
});

test("unfinishedWord: none once a space follows, nor for words under three characters", () => {
  assert.equal(unfinishedWord("como pago la fact "), null);
  assert.equal(unfinishedWord("fact\n"), null);
  assert.equal(unfinishedWord("la fa"), null);
  assert.equal(unfinishedWord(""), null);
  assert.equal(unfinishedWord("¿¿??"), null);
});

test("hasWordStartingWith: a word of the text starts with the prefix, accents and case ignored", () => {
  const q = "¿Cuál es la clave de mi Wi-Fi?";
  assert.ok(hasWordStartingWith(q, "cla"));
  assert.ok(hasWordStartingWith(q, "cual"));
  assert.ok(hasWordStartingWith(q, "wi"));
  assert.ok(!hasWordStartingWith(q, "lave"));
  assert.ok(!hasWordStartingWith(q, "clavel"));
  assert.ok(hasWordStartingWith("Facturación electrónica", "facturac"));
  assert.ok(hasWordStartingWith("OLVIDÉ LA CONTRASEÑA", "contrasen"));
  assert.ok(!hasWordStartingWith("", "abc"));
});
